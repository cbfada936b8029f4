package io.dayuan.notifications.channel;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * A message to a DingTalk group through its custom robot (自定义机器人) with the "加签" security setting:
 * {@code POST <webhook>&timestamp=<epoch millis>&sign=<url-encoded base64 HMAC-SHA256(secret, "<timestamp>\n<secret>")>}
 * with a markdown message that @-mentions everyone. The robot answers HTTP 200 with an {@code errcode}; 130101 (more
 * than 20 messages a minute) is worth retrying, anything else is not.
 */
public class DingTalkRobotSender implements Sender {

    /** sending too fast; the robot's rate limit */
    static final Set<Long> THROTTLED = Set.of(130101L, -1L);

    private final WebClient client;
    private final String webhook;
    private final String secret;
    private final Duration timeout;
    private final Clock clock;

    public DingTalkRobotSender(WebClient client, String webhook, String secret, Duration timeout, Clock clock) {
        this.client = client;
        this.webhook = webhook;
        this.secret = secret;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public Uni<Void> send(Message message) {
        long timestamp = clock.millis();
        String url = webhook + (webhook.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
                + URLEncoder.encode(sign(secret, timestamp), StandardCharsets.UTF_8);
        String text = "### " + message.title() + "\n\n" + message.body();
        String body = new JsonObject().put("msgtype", "markdown")
                .put("markdown", new JsonObject().put("title", message.title()).put("text", text))
                .put("at", new JsonObject().put("isAtAll", true)).encode();
        return client.postAbs(url).timeout(timeout.toMillis())
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .sendBuffer(Buffer.buffer(body))
                .onFailure().transform(failure -> SendFailure.transientFailure("DingTalk robot unreachable: "
                        + failure.getMessage()))
                .chain(DingTalkRobotSender::outcome);
    }

    /** The robot's signature of a timestamp: base64 of HMAC-SHA256 keyed with the secret (not yet URL-encoded). */
    public static String sign(String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "\n" + secret)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Uni<Void> outcome(HttpResponse<Buffer> answer) {
        if (answer.statusCode() != 200) {
            return Uni.createFrom().failure(SendFailure.fromStatus("DingTalk robot", answer.statusCode(),
                    answer.bodyAsString()));
        }
        long code = ProviderAnswer.code(ProviderAnswer.json(answer.bodyAsString()), "errcode", -2);
        if (code == 0) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().failure(new SendFailure(THROTTLED.contains(code) ? SendFailure.Kind.TRANSIENT
                : SendFailure.Kind.PERMANENT, "DingTalk robot errcode " + code + ": "
                        + ProviderAnswer.shorten(answer.bodyAsString())));
    }
}
