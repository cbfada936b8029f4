package io.dayuan.gates;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import io.dayuan.platform.events.Topic;
import io.vertx.core.json.JsonObject;

/** One line of a site's live gate feed, as guards see it. */
@Description("One line of a site's live gate feed")
public record GateEvent(@NonNull GateEventKind kind, @NonNull @Id String siteId, @Id String gateId,
        Direction direction, String holderName, String plate,
        @Description("Why it was denied, or what the alert is about") String detail,
        @NonNull OffsetDateTime at) {

    /** The live gate feed of one site, on every replica. */
    public static Topic<GateEvent> topic(String siteId) {
        return new Topic<>("gate:" + siteId, GateEvent::toJson, GateEvent::fromJson);
    }

    public JsonObject toJson() {
        return new JsonObject().put("kind", kind.name()).put("siteId", siteId).put("gateId", gateId)
                .put("direction", direction == null ? null : direction.name()).put("holderName", holderName)
                .put("plate", plate).put("detail", detail).put("at", at.toString());
    }

    public static GateEvent fromJson(JsonObject json) {
        String direction = json.getString("direction");
        return new GateEvent(GateEventKind.valueOf(json.getString("kind")), json.getString("siteId"),
                json.getString("gateId"), direction == null ? null : Direction.valueOf(direction),
                json.getString("holderName"), json.getString("plate"), json.getString("detail"),
                OffsetDateTime.parse(json.getString("at")));
    }
}
