package io.dayuan.platform.events;

import java.util.function.Function;

import io.vertx.core.json.JsonObject;

/**
 * A kind of live event: the topic's name and the JSON form of its events. The event is a record that writes and
 * reads its own JSON ({@code toJson}, {@code fromJson}) and holds its topic, so both sides of {@link Events} agree
 * by construction. Imitate {@code rooms/RoomScheduleChanged}.
 */
public record Topic<E>(String name, Function<E, JsonObject> toJson, Function<JsonObject, E> fromJson) {
}
