package io.dayuan.rooms;

import static io.dayuan.rooms.RoomFixtures.at;
import static io.dayuan.rooms.RoomFixtures.booking;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.GraphQL;
import io.dayuan.GraphQL.As;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

@QuarkusTest
class RoomScheduleSubscriptionTest {

    private static final String SUBSCRIBE = "subscription($roomId: ID!) { roomScheduleChanged(roomId: $roomId) "
            + "{ roomId bookingId change } }";

    @TestHTTPResource("/graphql")
    URI endpoint;

    @Inject
    Vertx vertx;

    @Inject
    GraphQL graphQL;

    @Inject
    RoomFixtures fixtures;

    @Test
    void aDoorTabletHearsOfChangesToItsRoomOnly() throws Exception {
        String room = fixtures.room();
        String otherRoom = fixtures.room();
        As staff = graphQL.as("staff");
        LinkedBlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
        WebSocketClient client = vertx.createWebSocketClient();
        try {
            WebSocket socket = client.connect(new WebSocketConnectOptions().setHost(endpoint.getHost())
                    .setPort(endpoint.getPort()).setURI("/graphql").setSubProtocols(List.of("graphql-transport-ws")))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            socket.textMessageHandler(text -> received.add(new JsonObject(text)));
            socket.writeTextMessage(new JsonObject().put("type", "connection_init")
                    .put("payload", new JsonObject().put("Authorization", "Bearer " + staff.token())).encode());
            assertThat(received.poll(10, TimeUnit.SECONDS).getString("type")).isEqualTo("connection_ack");
            socket.writeTextMessage(new JsonObject().put("id", "1").put("type", "subscribe").put("payload",
                    new JsonObject().put("query", SUBSCRIBE).put("variables", new JsonObject().put("roomId", room)))
                    .encode());
            Thread.sleep(1000);

            fixtures.booked(staff, booking(otherRoom, at(30, 9, 0), at(30, 10, 0)));
            String id = fixtures.booked(staff, booking(room, at(30, 9, 0), at(30, 10, 0)));
            graphQL.call(staff, "mutation($id: ID!) { cancelBooking(id: $id) { id } }", java.util.Map.of("id", id));

            JsonObject change = nextChange(received);
            assertThat(change).as("no event arrived").isNotNull();
            assertThat(change.getString("roomId")).isEqualTo(room);
            assertThat(change.getString("bookingId")).isEqualTo(id);
            assertThat(change.getString("change")).isEqualTo("BOOKED");
            JsonObject cancelled = nextChange(received);
            assertThat(cancelled.getString("bookingId")).isEqualTo(id);
            assertThat(cancelled.getString("change")).isEqualTo("CANCELLED");
            socket.close();
        } finally {
            client.close();
        }
    }

    @Test
    void anonymousCallersGetNoChanges() throws Exception {
        String room = fixtures.room();
        LinkedBlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
        WebSocketClient client = vertx.createWebSocketClient();
        try {
            WebSocket socket = client.connect(new WebSocketConnectOptions().setHost(endpoint.getHost())
                    .setPort(endpoint.getPort()).setURI("/graphql").setSubProtocols(List.of("graphql-transport-ws")))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            socket.textMessageHandler(text -> received.add(new JsonObject(text)));
            socket.writeTextMessage(new JsonObject().put("type", "connection_init").encode());
            assertThat(received.poll(10, TimeUnit.SECONDS).getString("type")).isEqualTo("connection_ack");
            socket.writeTextMessage(new JsonObject().put("id", "1").put("type", "subscribe").put("payload",
                    new JsonObject().put("query", SUBSCRIBE).put("variables", new JsonObject().put("roomId", room)))
                    .encode());
            Thread.sleep(1000);
            fixtures.booked(graphQL.as("staff"), booking(room, at(30, 9, 0), at(30, 10, 0)));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            JsonObject message;
            boolean refused = false;
            while ((message = received.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS)) != null) {
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
            socket.close();
        } finally {
            client.close();
        }
    }

    /** The next change, skipping pings (and SmallRye's empty first answer of a subscription). */
    private static JsonObject nextChange(LinkedBlockingQueue<JsonObject> received) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            JsonObject message = received.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
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
