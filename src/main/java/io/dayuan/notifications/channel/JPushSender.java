package io.dayuan.notifications.channel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Push through the JPush (极光) aggregator, which reaches Xiaomi, OPPO, vivo, Honor and Huawei phones through their
 * vendor channels and iPhones through APNs: {@code POST /v3/push} with HTTP Basic auth (app key : master secret) and
 * {@code {platform: all, audience {registration_id [..]}, notification {android, ios}, options}}. JPush refusals
 * carry {@code error.code}: 1011 (no such registration id) forgets the device; HTTP 429 (2002, too many calls) and
 * 5xx are retried; other 4xx park the message.
 */
public class JPushSender implements Sender {

    static final long UNKNOWN_AUDIENCE = 1011;

    private final WebClient client;
    private final String baseUrl;
    private final String authorization;
    private final boolean apnsProduction;
    private final Duration timeout;

    public JPushSender(WebClient client, String baseUrl, String appKey, String masterSecret, boolean apnsProduction,
            Duration timeout) {
        this.client = client;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((appKey + ":" + masterSecret).getBytes(StandardCharsets.UTF_8));
        this.apnsProduction = apnsProduction;
        this.timeout = timeout;
    }

    @Override
    public Uni<Void> send(Message message) {
        return client.postAbs(baseUrl + "/v3/push").timeout(timeout.toMillis())
                .putHeader("Authorization", authorization)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .sendBuffer(Buffer.buffer(body(message).encode()))
                .onFailure().transform(failure -> SendFailure.transientFailure("JPush unreachable: " + failure.getMessage()))
                .chain(JPushSender::outcome);
    }

    JsonObject body(Message message) {
        JsonObject extras = new JsonObject().put("notificationId", message.notificationId().toString())
                .put("kind", message.kind());
        if (message.link() != null) {
            extras.put("link", message.link());
        }
        JsonObject notification = new JsonObject()
                .put("alert", message.body())
                .put("android", new JsonObject().put("alert", message.body()).put("title", message.title())
                        .put("priority", 2).put("extras", extras))
                .put("ios", new JsonObject()
                        .put("alert", new JsonObject().put("title", message.title()).put("body", message.body()))
                        .put("sound", "default").put("extras", extras));
        return new JsonObject().put("platform", "all")
                .put("audience", new JsonObject().put("registration_id", new JsonArray().add(message.address())))
                .put("notification", notification)
                .put("options", new JsonObject().put("apns_production", apnsProduction).put("time_to_live", 86400));
    }

    private static Uni<Void> outcome(HttpResponse<Buffer> answer) {
        int status = answer.statusCode();
        if (status == 200) {
            return Uni.createFrom().voidItem();
        }
        JsonObject error = ProviderAnswer.json(answer.bodyAsString()).getJsonObject("error", new JsonObject());
        if (ProviderAnswer.code(error, "code", 0) == UNKNOWN_AUDIENCE) {
            return Uni.createFrom().failure(new SendFailure(SendFailure.Kind.BAD_ADDRESS,
                    "JPush: the registration id is unknown or inactive"));
        }
        return Uni.createFrom().failure(SendFailure.fromStatus("JPush", status, answer.bodyAsString()));
    }
}
