package io.dayuan.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.Demo;
import io.dayuan.GraphQL;
import io.dayuan.GraphQL.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/** Subscriptions over a real WebSocket (graphql-transport-ws): who may open them, and how many at once. */
@QuarkusTest
class SubscriptionLimitsTest {

    private static final String GATE_EVENTS = "subscription { gateEvents(siteId: \"" + Demo.DEMO_SITE + "\") { kind } }";
    private static final String NOTIFICATIONS = "subscription { notifications { id } }";

    @Inject
    Vertx vertx;

    @Inject
    GraphQL graphQL;

    /** One WebSocket as the app opens it: connection_init with the token, then any number of subscribe messages. */
    final class Socket implements AutoCloseable {
        final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        final WebSocketClient client = vertx.createWebSocketClient();
        final WebSocket socket;

        Socket(As caller) throws Exception {
            WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("localhost")
                    .setPort(RestAssured.port).setURI("/graphql").addSubProtocol("graphql-transport-ws");
            socket = client.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            socket.textMessageHandler(text -> messages.add(new JsonObject(text)));
            JsonObject init = new JsonObject().put("type", "connection_init");
            if (caller.token() != null) {
                init.put("payload", new JsonObject().put("Authorization", "Bearer " + caller.token()));
            }
            socket.writeTextMessage(init.encode());
            JsonObject ack = next(Duration.ofSeconds(10));
            assertThat(ack).isNotNull();
            assertThat(ack.getString("type")).isEqualTo("connection_ack");
        }

        void subscribe(String id, String query) {
            socket.writeTextMessage(new JsonObject().put("id", id).put("type", "subscribe")
                    .put("payload", new JsonObject().put("query", query)).encode());
        }

        void complete(String id) {
            socket.writeTextMessage(new JsonObject().put("id", id).put("type", "complete").encode());
        }

        /** The next message other than a ping, or null when none comes in time. */
        JsonObject next(Duration timeout) throws InterruptedException {
            long until = System.nanoTime() + timeout.toNanos();
            while (true) {
                JsonObject message = messages.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (message == null || !"ping".equals(message.getString("type"))) {
                    return message;
                }
            }
        }

        /** The error message of the subscription, asserting it is one. */
        JsonObject error(String id) throws InterruptedException {
            JsonObject message = next(Duration.ofSeconds(10));
            assertThat(message).as("an answer to subscription " + id).isNotNull();
            assertThat(message.getString("type")).as(message.encode()).isEqualTo("error");
            assertThat(message.getString("id")).isEqualTo(id);
            return message.getJsonArray("payload").getJsonObject(0);
        }

        /** Subscribes and proves the subscription was taken: no error comes while a later probe is answered. */
        void subscribed(String id, String query) throws InterruptedException {
            subscribe(id, query);
            assertThat(next(Duration.ofMillis(300))).as("subscription " + id + " refused").isNull();
        }

        @Override
        public void close() {
            socket.close();
            client.close();
        }
    }

    private static String code(JsonObject error) {
        return error.getJsonObject("extensions").getString("code");
    }

    @Test
    void gateEventsRefuseStaffAndAnonymousCallersWithAnErrorMessage() throws Exception {
        try (Socket staff = new Socket(graphQL.as("staff"))) {
            staff.subscribe("1", GATE_EVENTS);
            assertThat(code(staff.error("1"))).isEqualTo("FORBIDDEN");
        }
        try (Socket anonymous = new Socket(graphQL.anonymous())) {
            anonymous.subscribe("1", GATE_EVENTS);
            assertThat(code(anonymous.error("1"))).isEqualTo("UNAUTHENTICATED");
            anonymous.subscribe("2", NOTIFICATIONS);
            assertThat(code(anonymous.error("2"))).isEqualTo("UNAUTHENTICATED");
        }
        try (Socket guard = new Socket(graphQL.as("guard"))) {
            guard.subscribed("1", GATE_EVENTS);
        }
    }

    @Test
    void aConnectionHoldsAtMostTenSubscriptionsAtOnce() throws Exception {
        try (Socket socket = new Socket(graphQL.as("staff"))) {
            for (int i = 1; i <= 10; i++) {
                socket.subscribed(Integer.toString(i), NOTIFICATIONS);
            }
            socket.subscribe("11", NOTIFICATIONS);
            JsonObject refused = socket.error("11");
            assertThat(code(refused)).isEqualTo("RATE_LIMITED");
            assertThat(refused.getString("message")).contains("10");
            // completing one makes room for another
            socket.complete("3");
            socket.subscribed("12", NOTIFICATIONS);
            socket.subscribe("13", NOTIFICATIONS);
            assertThat(code(socket.error("13"))).isEqualTo("RATE_LIMITED");
        }
    }

    @Test
    void aPersonHoldsAtMostTwentySubscriptionsOverAllTheirConnections() throws Exception {
        As person = graphQL.as("staff");
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int s = 0; s < 2; s++) {
                Socket socket = new Socket(person);
                sockets.add(socket);
                for (int i = 1; i <= 10; i++) {
                    socket.subscribed(Integer.toString(i), NOTIFICATIONS);
                }
            }
            Socket third = new Socket(person);
            sockets.add(third);
            third.subscribe("1", NOTIFICATIONS);
            assertThat(code(third.error("1"))).isEqualTo("RATE_LIMITED");
            // someone else is not affected
            try (Socket other = new Socket(graphQL.as("staff"))) {
                other.subscribed("1", NOTIFICATIONS);
            }
            // a closed connection gives its subscriptions back
            sockets.get(0).close();
            Thread.sleep(500);
            third.subscribed("2", NOTIFICATIONS);
        } finally {
            sockets.forEach(Socket::close);
        }
    }
}
