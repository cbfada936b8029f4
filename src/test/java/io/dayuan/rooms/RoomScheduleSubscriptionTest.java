package io.dayuan.rooms;

import static io.dayuan.rooms.RoomFixtures.at;
import static io.dayuan.rooms.RoomFixtures.booking;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.dayuan.GraphQL.As;
import io.dayuan.GraphQLSocket;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

@QuarkusTest
class RoomScheduleSubscriptionTest extends RoomTestBase {

    private static final String SUBSCRIBE = "subscription($roomId: ID!) { roomScheduleChanged(roomId: $roomId) "
            + "{ roomId bookingId change } }";

    @Test
    void aDoorTabletHearsOfChangesToItsRoomOnly() throws Exception {
        String room = fixtures.room();
        String otherRoom = fixtures.room();
        As staff = graphQL.as("staff");
        try (GraphQLSocket socket = graphQL.open(staff)) {
            socket.subscribe("1", SUBSCRIBE, new JsonObject().put("roomId", room));
            Thread.sleep(1000);

            fixtures.booked(staff, booking(otherRoom, at(30, 9, 0), at(30, 10, 0)));
            String id = fixtures.booked(staff, booking(room, at(30, 9, 0), at(30, 10, 0)));
            graphQL.call(staff, "mutation($id: ID!) { cancelBooking(id: $id) { id } }", java.util.Map.of("id", id));

            JsonObject change = nextChange(socket);
            assertThat(change).as("no event arrived").isNotNull();
            assertThat(change.getString("roomId")).isEqualTo(room);
            assertThat(change.getString("bookingId")).isEqualTo(id);
            assertThat(change.getString("change")).isEqualTo("BOOKED");
            JsonObject cancelled = nextChange(socket);
            assertThat(cancelled.getString("bookingId")).isEqualTo(id);
            assertThat(cancelled.getString("change")).isEqualTo("CANCELLED");
        }
    }

    @Test
    void anonymousCallersGetNoChanges() throws Exception {
        String room = fixtures.room();
        try (GraphQLSocket socket = graphQL.open(graphQL.anonymous())) {
            socket.subscribe("1", SUBSCRIBE, new JsonObject().put("roomId", room));
            Thread.sleep(1000);
            fixtures.booked(graphQL.as("staff"), booking(room, at(30, 9, 0), at(30, 10, 0)));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            JsonObject message;
            boolean refused = false;
            while ((message = socket.next(Duration.ofNanos(until - System.nanoTime()))) != null) {
                if ("error".equals(message.getString("type"))) {
                    // graphql-transport-ws: the subscribe is answered with an error message for its id
                    assertThat(message.getJsonArray("payload").getJsonObject(0).getJsonObject("extensions")
                            .getString("code")).isEqualTo("UNAUTHENTICATED");
                    refused = true;
                    continue;
                }
                JsonObject payload = message.getJsonObject("payload");
                Object data = payload == null || payload.getJsonObject("data") == null ? null
                        : payload.getJsonObject("data").getValue("roomScheduleChanged");
                assertThat(data).as(message.encode()).isNull();
            }
            assertThat(refused).as("an error message refusing the subscription").isTrue();
        }
    }

    /** The next change, skipping pings (and SmallRye's empty first answer of a subscription). */
    private static JsonObject nextChange(GraphQLSocket socket) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            JsonObject message = socket.next(Duration.ofNanos(until - System.nanoTime()));
            if (message == null) {
                return null;
            }
            assertThat(message.getString("type")).as(message.encode()).isNotEqualTo("error");
            JsonObject data = "next".equals(message.getString("type"))
                    ? message.getJsonObject("payload").getJsonObject("data") : null;
            if (data != null && data.getJsonObject("roomScheduleChanged") != null) {
                return data.getJsonObject("roomScheduleChanged");
            }
        }
        return null;
    }
}
