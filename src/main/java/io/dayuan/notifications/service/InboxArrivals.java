package io.dayuan.notifications.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.dayuan.notifications.Notification;
import io.dayuan.platform.events.Topic;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Notifications that reached their people's inboxes just now, a batch at a time: the live event of the inbox. */
public record InboxArrivals(List<Arrival> items) {

    /** One notification in one person's inbox. */
    public record Arrival(UUID personId, UUID id) {
    }

    /** Every inbox's arrivals, on every replica. */
    public static Topic<InboxArrivals> topic() {
        return new Topic<>("notifications", InboxArrivals::toJson, InboxArrivals::fromJson);
    }

    public static InboxArrivals of(List<Notification> batch) {
        return new InboxArrivals(batch.stream().map(n -> new Arrival(n.personId, n.id)).toList());
    }

    /** The notifications that reached this person's inbox. */
    public List<UUID> idsFor(UUID personId) {
        return items.stream().filter(item -> item.personId().equals(personId)).map(Arrival::id).toList();
    }

    public JsonObject toJson() {
        JsonArray array = new JsonArray();
        items.forEach(item -> array.add(new JsonObject().put("personId", item.personId().toString())
                .put("id", item.id().toString())));
        return new JsonObject().put("items", array);
    }

    public static InboxArrivals fromJson(JsonObject json) {
        JsonArray array = json.getJsonArray("items", new JsonArray());
        List<Arrival> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonObject item = array.getJsonObject(i);
            items.add(new Arrival(UUID.fromString(item.getString("personId")), UUID.fromString(item.getString("id"))));
        }
        return new InboxArrivals(items);
    }
}
