package io.dayuan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/**
 * One WebSocket to {@code /graphql} as the app opens it (graphql-transport-ws): {@code connection_init} with the
 * caller's token, then any number of subscriptions by id. Open it with {@link GraphQL#open} (acknowledged) or
 * {@link GraphQL#connect} (not waiting for the acknowledgement).
 */
public final class GraphQLSocket implements AutoCloseable {

    private static final Duration ANSWER = Duration.ofSeconds(10);

    private final WebSocketClient client;
    private final WebSocket socket;
    private final BlockingQueue<JsonObject> unread = new LinkedBlockingQueue<>();
    private final List<JsonObject> received = new CopyOnWriteArrayList<>();

    GraphQLSocket(Vertx vertx, String token) throws Exception {
        client = vertx.createWebSocketClient();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("localhost").setPort(RestAssured.port)
                .setURI("/graphql").addSubProtocol("graphql-transport-ws");
        socket = client.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        socket.textMessageHandler(text -> {
            JsonObject message = new JsonObject(text);
            received.add(message);
            unread.add(message);
        });
        JsonObject init = new JsonObject().put("type", "connection_init");
        if (token != null) {
            init.put("payload", new JsonObject().put("Authorization", "Bearer " + token));
        }
        socket.writeTextMessage(init.encode());
    }

    /** Asserts that the server acknowledged the connection. */
    GraphQLSocket acknowledged() throws InterruptedException {
        JsonObject ack = next(ANSWER);
        assertThat(ack).as("connection_ack").isNotNull();
        assertThat(ack.getString("type")).as(ack.encode()).isEqualTo("connection_ack");
        return this;
    }

    public GraphQLSocket subscribe(String id, String query) {
        return subscribe(id, query, null);
    }

    public GraphQLSocket subscribe(String id, String query, JsonObject variables) {
        JsonObject payload = new JsonObject().put("query", query);
        if (variables != null) {
            payload.put("variables", variables);
        }
        socket.writeTextMessage(new JsonObject().put("id", id).put("type", "subscribe").put("payload", payload).encode());
        return this;
    }

    /** Subscribes and proves the subscription was taken: no error comes within 300 ms. */
    public void subscribed(String id, String query) throws InterruptedException {
        subscribe(id, query);
        assertThat(next(Duration.ofMillis(300))).as("subscription " + id + " refused").isNull();
    }

    public void complete(String id) {
        socket.writeTextMessage(new JsonObject().put("id", id).put("type", "complete").encode());
    }

    /** The next message other than a ping, or null when none comes in time. */
    public JsonObject next(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonObject message = unread.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (message == null || !"ping".equals(message.getString("type"))) {
                return message;
            }
        }
    }

    /** The data of the next "next" message, or null when none comes in time; an "error" message fails. */
    public JsonObject nextData(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            JsonObject message = next(Duration.ofNanos(until - System.nanoTime()));
            if (message == null) {
                return null;
            }
            if ("next".equals(message.getString("type"))) {
                return message.getJsonObject("payload").getJsonObject("data");
            }
            if ("error".equals(message.getString("type"))) {
                throw new IllegalStateException("Subscription failed: " + message);
            }
        }
        return null;
    }

    /** The first error of the subscription's next message, asserting that message is its "error". */
    public JsonObject error(String id) throws InterruptedException {
        JsonObject message = next(ANSWER);
        assertThat(message).as("an answer to subscription " + id).isNotNull();
        assertThat(message.getString("type")).as(message.encode()).isEqualTo("error");
        assertThat(message.getString("id")).isEqualTo(id);
        return message.getJsonArray("payload").getJsonObject(0);
    }

    /** The {@code extensions.code} of an error of a message's payload. */
    public static String code(JsonObject error) {
        return error.getJsonObject("extensions").getString("code");
    }

    /** Every message received so far, read or not, in order. */
    public List<JsonObject> received() {
        return Collections.unmodifiableList(received);
    }

    public boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public void close() {
        socket.close();
        client.close();
    }
}
