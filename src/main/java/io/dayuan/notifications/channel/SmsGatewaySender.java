package io.dayuan.notifications.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Text messages through a generic HTTP SMS gateway: one JSON POST per message,
 * {@code {"id": "<delivery id>", "to": "+86...", "text": "..."}}, signed with the shared secret:
 * {@code X-Dayuan-Timestamp: <epoch seconds>} and
 * {@code X-Dayuan-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">}. The delivery id is also sent as
 * {@code Idempotency-Key}, so a gateway that honours it never sends a retried message twice. Any 2xx is success.
 */
public class SmsGatewaySender implements Sender {

    public static final String TIMESTAMP_HEADER = "X-Dayuan-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Dayuan-Signature";

    private final WebClient client;
    private final String url;
    private final byte[] secret;
    private final Duration timeout;
    private final Clock clock;

    public SmsGatewaySender(WebClient client, String url, String secret, Duration timeout, Clock clock) {
        this.client = client;
        this.url = url;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public Uni<Void> send(Message message) {
        String body = new JsonObject().put("id", message.deliveryId().toString()).put("to", message.address())
                .put("text", text(message)).encode();
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        return client.postAbs(url).timeout(timeout.toMillis())
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Idempotency-Key", message.deliveryId().toString())
                .putHeader(TIMESTAMP_HEADER, timestamp)
                .putHeader(SIGNATURE_HEADER, "sha256=" + sign(secret, timestamp + "." + body))
                .sendBuffer(Buffer.buffer(body))
                .onFailure().transform(failure -> SendFailure.transientFailure("SMS gateway unreachable: " + failure.getMessage()))
                .chain(response -> response.statusCode() / 100 == 2 ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(SendFailure.fromStatus("SMS gateway", response.statusCode(),
                                response.bodyAsString())));
    }

    /** The text of the SMS: title and body on one line each. */
    static String text(Message message) {
        return message.body() == null || message.body().isBlank() ? message.title()
                : message.title() + "\n" + message.body();
    }

    public static String sign(byte[] secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
