package io.dayuan.notifications.channel;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Push to iOS through Apple's APNs provider API over HTTP/2: {@code POST /3/device/<device token>} with a provider
 * token (an ES256 JWT of the team, signed with the .p8 key, renewed every 50 minutes), the app's bundle id as
 * {@code apns-topic} and an {@code apns-id} derived from the delivery.
 */
public class ApnsSender implements Sender {

    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(50);

    private final WebClient client;
    private final String baseUrl;
    private final String teamId;
    private final String keyId;
    private final PrivateKey key;
    private final String topic;
    private final Duration timeout;
    private final Clock clock;

    private volatile String providerToken;
    private volatile Instant providerTokenExpires = Instant.MIN;

    /** @param client a client speaking HTTP/2 (ALPN over TLS; prior knowledge over plain HTTP, for tests) */
    public ApnsSender(WebClient client, String baseUrl, String teamId, String keyId, String privateKeyPem, String topic,
            Duration timeout, Clock clock) {
        this.client = client;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.teamId = teamId;
        this.keyId = keyId;
        this.key = Keys.privateKey(privateKeyPem, "EC");
        this.topic = topic;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** APNs device tokens are 64 (or more) hex digits; FCM tokens are not. */
    public static boolean isApnsToken(String token) {
        return token != null && token.matches("[0-9a-fA-F]{64,200}");
    }

    @Override
    public Uni<Void> send(Message message) {
        JsonObject body = new JsonObject()
                .put("aps", new JsonObject().put("alert", new JsonObject().put("title", message.title())
                        .put("body", message.body())).put("sound", "default"))
                .put("notificationId", message.notificationId().toString()).put("kind", message.kind());
        if (message.link() != null) {
            body.put("link", message.link());
        }
        UUID apnsId = UUID.nameUUIDFromBytes((message.deliveryId() + "/" + message.address())
                .getBytes(StandardCharsets.UTF_8));
        return client.postAbs(baseUrl + "/3/device/" + message.address()).timeout(timeout.toMillis())
                .putHeader("authorization", "bearer " + providerToken())
                .putHeader("apns-topic", topic)
                .putHeader("apns-push-type", "alert")
                .putHeader("apns-priority", "10")
                .putHeader("apns-id", apnsId.toString())
                .putHeader("content-type", "application/json")
                .sendBuffer(Buffer.buffer(body.encode()))
                .onFailure().transform(failure -> SendFailure.transientFailure("APNs unreachable: " + failure.getMessage()))
                .chain(this::outcome);
    }

    private Uni<Void> outcome(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status == 200) {
            return Uni.createFrom().voidItem();
        }
        String reason = reason(response.bodyAsString());
        if (status == 410 || reason.equals("BadDeviceToken") || reason.equals("Unregistered")
                || reason.equals("DeviceTokenNotForTopic")) {
            return Uni.createFrom().failure(new SendFailure(SendFailure.Kind.BAD_ADDRESS, "APNs: " + reason));
        }
        if (reason.equals("ExpiredProviderToken") || reason.equals("InvalidProviderToken")) {
            providerTokenExpires = Instant.MIN;
        }
        return Uni.createFrom().failure(SendFailure.fromStatus("APNs", status, reason));
    }

    private static String reason(String text) {
        try {
            String reason = new JsonObject(text).getString("reason");
            return reason == null ? "" : reason;
        } catch (RuntimeException notJson) {
            return "";
        }
    }

    /** The provider token, made anew when older than 50 minutes (Apple refuses tokens older than an hour). */
    String providerToken() {
        Instant now = clock.instant();
        if (providerToken == null || !now.isBefore(providerTokenExpires)) {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(new JsonObject().put("iss", teamId).put("iat", now.getEpochSecond()).encode());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
            jws.setKeyIdHeaderValue(keyId);
            jws.setKey(key);
            try {
                providerToken = jws.getCompactSerialization();
            } catch (JoseException e) {
                throw new IllegalStateException("Cannot sign the APNs provider token", e);
            }
            providerTokenExpires = now.plus(TOKEN_LIFETIME);
        }
        return providerToken;
    }
}
