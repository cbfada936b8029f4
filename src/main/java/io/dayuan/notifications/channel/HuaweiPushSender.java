package io.dayuan.notifications.channel;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Push to Huawei phones (and Honor phones of before the split) through Huawei Push Kit: an OAuth 2 access token by
 * client credentials ({@code POST <token-url>}, form {@code grant_type=client_credentials}), cached until shortly
 * before it expires, then {@code POST /v1/<app id>/messages:send} with {@code message {notification, android
 * {notification {click_action}}, data, token [..]}}. Push Kit answers with a {@code code}: 80000000 is success,
 * 80300007 (all tokens invalid) and 80100000 (some invalid; one token sent, so that one) forget the device, 80200001
 * and 80200003 (the OAuth token refused) renew the token once, 81000001 and HTTP 5xx/429 are retried.
 */
public class HuaweiPushSender implements Sender {

    static final String SUCCESS = "80000000";
    static final Set<String> TOKEN_INVALID = Set.of("80100000", "80300007");
    static final Set<String> OAUTH_REFUSED = Set.of("80200001", "80200003");
    static final Set<String> BUSY = Set.of("81000001");

    private final WebClient client;
    private final String baseUrl;
    private final String appId;
    private final String tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final Duration timeout;
    private final AccessToken token;

    public HuaweiPushSender(WebClient client, String baseUrl, String appId, String tokenUrl, String clientId,
            String clientSecret, Duration timeout, Clock clock) {
        this.client = client;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.appId = appId;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.timeout = timeout;
        this.token = new AccessToken(this::obtainToken, clock);
    }

    @Override
    public Uni<Void> send(Message message) {
        String body = body(message).encode();
        return token.call(accessToken -> post(accessToken, body),
                answer -> answer.statusCode() == 401 || OAUTH_REFUSED.contains(code(answer)))
                .chain(this::outcome);
    }

    static JsonObject body(Message message) {
        JsonObject data = new JsonObject().put("notificationId", message.notificationId().toString())
                .put("kind", message.kind());
        JsonObject androidNotification = new JsonObject().put("title", message.title()).put("body", message.body());
        if (message.link() != null) {
            data.put("link", message.link());
            // type 1: open the app page the intent names
            androidNotification.put("click_action", new JsonObject().put("type", 1).put("intent", message.link()));
        } else {
            // type 3: open the app
            androidNotification.put("click_action", new JsonObject().put("type", 3));
        }
        return new JsonObject().put("validate_only", false).put("message", new JsonObject()
                .put("data", data.encode())
                .put("notification", new JsonObject().put("title", message.title()).put("body", message.body()))
                .put("android", new JsonObject().put("urgency", "HIGH").put("notification", androidNotification))
                .put("token", new JsonArray().add(message.address())));
    }

    private Uni<HttpResponse<Buffer>> post(String accessToken, String body) {
        return client.postAbs(baseUrl + "/v1/" + appId + "/messages:send").timeout(timeout.toMillis())
                .putHeader("Authorization", "Bearer " + accessToken)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .sendBuffer(Buffer.buffer(body))
                .onFailure().transform(failure -> SendFailure.transientFailure("Huawei Push Kit unreachable: "
                        + failure.getMessage()));
    }

    private static String code(HttpResponse<Buffer> answer) {
        Object code = ProviderAnswer.json(answer.bodyAsString()).getValue("code");
        return code == null ? "" : code.toString();
    }

    private Uni<Void> outcome(HttpResponse<Buffer> answer) {
        String code = code(answer);
        int status = answer.statusCode();
        if (status == 200 && SUCCESS.equals(code)) {
            return Uni.createFrom().voidItem();
        }
        String detail = ProviderAnswer.shorten(answer.bodyAsString());
        if (TOKEN_INVALID.contains(code)) {
            return Uni.createFrom().failure(new SendFailure(SendFailure.Kind.BAD_ADDRESS,
                    "Huawei Push Kit: the push token is no longer valid (" + detail + ")"));
        }
        if (BUSY.contains(code) || OAUTH_REFUSED.contains(code)) {
            return Uni.createFrom().failure(SendFailure.transientFailure("Huawei Push Kit code " + code + ": " + detail));
        }
        return Uni.createFrom().failure(status == 200
                ? new SendFailure(SendFailure.Kind.PERMANENT, "Huawei Push Kit code " + code + ": " + detail)
                : SendFailure.fromStatus("Huawei Push Kit", status, detail));
    }

    private Uni<AccessToken.Issued> obtainToken() {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        return client.postAbs(tokenUrl).timeout(timeout.toMillis())
                .putHeader("Content-Type", "application/x-www-form-urlencoded")
                .sendBuffer(Buffer.buffer(form))
                .onFailure().transform(failure -> SendFailure.transientFailure("Huawei OAuth unreachable: "
                        + failure.getMessage()))
                .map(response -> AccessToken.Issued.read("Huawei OAuth", response, answer -> true,
                        Duration.ofHours(1)));
    }
}
