package io.dayuan.people;

import java.util.UUID;

import io.dayuan.platform.events.Topic;
import io.vertx.core.json.JsonObject;

/** A person's row changed: every replica forgets what it remembered of them (people/service/PersonService). */
public record PersonChanged(UUID personId) {

    /** The topic's name, for a statement that publishes with its own SQL (notifications/service/Addresses). */
    public static final String TOPIC = "person";

    public static Topic<PersonChanged> topic() {
        return new Topic<>(TOPIC, PersonChanged::toJson, PersonChanged::fromJson);
    }

    public JsonObject toJson() {
        return new JsonObject().put("id", personId.toString());
    }

    public static PersonChanged fromJson(JsonObject json) {
        return new PersonChanged(UUID.fromString(json.getString("id")));
    }
}
