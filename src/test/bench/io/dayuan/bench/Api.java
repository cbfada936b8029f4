package io.dayuan.bench;

import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

/** GraphQL calls to the application under test on loopback. */
final class Api {

    private final WebClient client;
    private final int port;

    Api(WebClient client, int port) {
        this.client = client;
        this.port = port;
    }

    Future<HttpResponse<Buffer>> post(String token, String query, JsonObject variables) {
        JsonObject body = new JsonObject().put("query", query).put("variables", variables);
        return client.post(port, "127.0.0.1", "/graphql").putHeader("Authorization", "Bearer " + token)
                .putHeader("Content-Type", "application/json").timeout(30_000).sendBuffer(body.toBuffer());
    }

    /** The call's {@code data}, or a failure naming the GraphQL errors. */
    JsonObject data(String token, String query, JsonObject variables) {
        try {
            HttpResponse<Buffer> response = post(token, query, variables).toCompletionStage().toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
            JsonObject answer = response.bodyAsJsonObject();
            if (response.statusCode() != 200 || answer.containsKey("errors")) {
                throw new IllegalStateException("GraphQL call failed: " + response.bodyAsString() + " for " + query);
            }
            return answer.getJsonObject("data");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("GraphQL call failed: " + query, e);
        }
    }
}
