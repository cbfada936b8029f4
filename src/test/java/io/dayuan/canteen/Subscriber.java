package io.dayuan.canteen;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/** A GraphQL subscription over WebSocket (graphql-transport-ws), as the app opens it. */
final class Subscriber implements AutoCloseable {

    private final WebSocketClient client;
    private final WebSocket socket;
    private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();

    private Subscriber(Vertx vertx, URI graphql, String token, String query) throws Exception {
        client = vertx.createWebSocketClient();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(graphql.getHost())
                .setPort(graphql.getPort()).setURI(graphql.getPath()).setSubProtocols(List.of("graphql-transport-ws"));
        socket = client.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        socket.textMessageHandler(text -> messages.add(new JsonObject(text)));
        socket.writeTextMessage(new JsonObject().put("type", "connection_init")
                .put("payload", new JsonObject().put("Authorization", "Bearer " + token)).encode());
        JsonObject ack = next(Duration.ofSeconds(10));
        if (ack == null || !"connection_ack".equals(ack.getString("type"))) {
            throw new IllegalStateException("No connection_ack but " + ack);
        }
        socket.writeTextMessage(new JsonObject().put("id", "1").put("type", "subscribe")
                .put("payload", new JsonObject().put("query", query)).encode());
    }

    static Subscriber open(Vertx vertx, URI graphql, String token, String query) throws Exception {
        return new Subscriber(vertx, graphql, token, query);
    }

    /** The next message, or null when none comes in time. */
    JsonObject next(Duration timeout) throws InterruptedException {
        return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The data of the next "next" message, or null. */
    JsonObject nextData(Duration timeout) throws InterruptedException {
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

    @Override
    public void close() {
        socket.close();
        client.close();
    }
}
