package io.dayuan.notifications.channel;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Push to Android (and to iOS apps that use Firebase) through FCM HTTP v1:
 * {@code POST /v1/projects/<project>/messages:send} with an OAuth 2 access token that a service account's key
 * obtains (a signed JWT exchanged at the account's {@code token_uri}), cached until shortly before it expires.
 */
public class FcmSender implements Sender {

    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

    private final WebClient client;
    private final String baseUrl;
    private final String projectId;
    private final String clientEmail;
    private final String keyId;
    private final PrivateKey key;
    private final String tokenUri;
    private final Duration timeout;
    private final Clock clock;

    private volatile String accessToken;
    private volatile Instant accessTokenExpires = Instant.MIN;

    /**
     * @param serviceAccount the service account JSON of the Firebase project (client_email, private_key_id,
     *        private_key, token_uri)
     */
    public FcmSender(WebClient client, String baseUrl, String projectId, JsonObject serviceAccount, Duration timeout,
            Clock clock) {
        this.client = client;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.projectId = projectId != null ? projectId : serviceAccount.getString("project_id");
        this.clientEmail = serviceAccount.getString("client_email");
        this.keyId = serviceAccount.getString("private_key_id");
        this.key = Keys.privateKey(serviceAccount.getString("private_key"), "RSA");
        this.tokenUri = serviceAccount.getString("token_uri", "https://oauth2.googleapis.com/token");
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public Uni<Void> send(Message message) {
        JsonObject data = new JsonObject().put("notificationId", message.notificationId().toString())
                .put("kind", message.kind());
        if (message.link() != null) {
            data.put("link", message.link());
        }
        JsonObject body = new JsonObject().put("message", new JsonObject()
                .put("token", message.address())
                .put("notification", new JsonObject().put("title", message.title()).put("body", message.body()))
                .put("data", data)
                .put("android", new JsonObject().put("priority", "HIGH"))
                .put("apns", new JsonObject().put("headers", new JsonObject().put("apns-priority", "10"))));
        return accessToken().chain(token -> client
                .postAbs(baseUrl + "/v1/projects/" + projectId + "/messages:send").timeout(timeout.toMillis())
                .putHeader("Authorization", "Bearer " + token)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .sendBuffer(Buffer.buffer(body.encode()))
                .onFailure().transform(failure -> SendFailure.transientFailure("FCM unreachable: " + failure.getMessage())))
                .chain(this::outcome);
    }

    private Uni<Void> outcome(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status / 100 == 2) {
            return Uni.createFrom().voidItem();
        }
        String text = response.bodyAsString();
        if (status == 401) {
            accessTokenExpires = Instant.MIN;
        }
        if (status == 404 || (status == 400 && text != null && text.contains("registration token"))
                || errorCode(text).equals("UNREGISTERED")) {
            return Uni.createFrom().failure(new SendFailure(SendFailure.Kind.BAD_ADDRESS,
                    "FCM: the registration token is no longer valid"));
        }
        return Uni.createFrom().failure(SendFailure.fromStatus("FCM", status, text));
    }

    /** The FCM error code of an error answer ({@code error.details[].errorCode}), or "". */
    private static String errorCode(String text) {
        try {
            JsonArray details = new JsonObject(text).getJsonObject("error").getJsonArray("details");
            for (int i = 0; details != null && i < details.size(); i++) {
                String code = details.getJsonObject(i).getString("errorCode");
                if (code != null) {
                    return code;
                }
            }
        } catch (RuntimeException notJson) {
            // not an FCM error document
        }
        return "";
    }

    private Uni<String> accessToken() {
        Instant now = clock.instant();
        if (accessToken != null && now.isBefore(accessTokenExpires)) {
            return Uni.createFrom().item(accessToken);
        }
        String form = "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&assertion=" + assertion(now);
        return client.postAbs(tokenUri).timeout(timeout.toMillis())
                .putHeader("Content-Type", "application/x-www-form-urlencoded")
                .sendBuffer(Buffer.buffer(form))
                .onFailure().transform(failure -> SendFailure.transientFailure("OAuth token endpoint unreachable: "
                        + failure.getMessage()))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw SendFailure.transientFailure("OAuth token endpoint answered HTTP " + response.statusCode());
                    }
                    JsonObject answer = response.bodyAsJsonObject();
                    accessToken = answer.getString("access_token");
                    accessTokenExpires = now.plusSeconds(answer.getLong("expires_in", 3600L) - 60);
                    return accessToken;
                });
    }

    /** The service account's signed request for an access token (RFC 7523). */
    String assertion(Instant now) {
        JsonObject claims = new JsonObject().put("iss", clientEmail).put("scope", SCOPE).put("aud", tokenUri)
                .put("iat", now.getEpochSecond()).put("exp", now.getEpochSecond() + 3600);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.encode());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(keyId);
        jws.setHeader("typ", "JWT");
        jws.setKey(key);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign the FCM token request", e);
        }
    }
}
