package io.dayuan.rooms;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import io.dayuan.platform.events.Topic;
import io.vertx.core.json.JsonObject;

/** A live update of a room's schedule: fetch {@code roomSchedule} again for the details. */
@Description("A room's schedule changed: fetch roomSchedule again for the details")
public record RoomScheduleChanged(@NonNull @Id String roomId,
        @Id @Description("The booking that changed (the first occurrence for a series)") String bookingId,
        @NonNull ScheduleChange change) {

    /** Every room's schedule changes, on every replica. */
    public static Topic<RoomScheduleChanged> topic() {
        return new Topic<>("room-schedule", RoomScheduleChanged::toJson, RoomScheduleChanged::fromJson);
    }

    public JsonObject toJson() {
        return new JsonObject().put("roomId", roomId).put("bookingId", bookingId).put("change", change.name());
    }

    public static RoomScheduleChanged fromJson(JsonObject json) {
        return new RoomScheduleChanged(json.getString("roomId"), json.getString("bookingId"),
                ScheduleChange.valueOf(json.getString("change")));
    }
}
