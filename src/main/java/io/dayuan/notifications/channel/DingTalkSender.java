package io.dayuan.notifications.channel;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * DingTalk work notices (工作通知) from the organisation's internal app: the app's access token from
 * {@code GET /gettoken?appkey=&appsecret=} (cached until shortly before its {@code expires_in}), then
 * {@code POST /topapi/message/corpconversation/asyncsend_v2?access_token=} with {@code agent_id}, {@code userid_list}
 * and an OA message (title as head and body title, the text, the app link as {@code message_url}) or a markdown one.
 * The base URL is the public DingTalk's or, for Zhejiang's government DingTalk (浙政钉), that deployment's.
 * DingTalk answers HTTP 200 with an {@code errcode}: expired or invalid tokens are renewed once, throttling and
 * "system busy" are retried, unknown user ids forget the address, anything else parks the message.
 */
public class DingTalkSender implements Sender {

    /** The format of a work notice. */
    public enum Format {
        OA,
        MARKDOWN
    }

    /** invalid access_token, access_token expired */
    static final Set<Long> TOKEN_REFUSED = Set.of(40014L, 42001L);
    /** system busy, calls suspended for a while, server busy, too many concurrent calls */
    static final Set<Long> BUSY = Set.of(-1L, 90002L, 90006L, 90018L);
    /** invalid userid, no such user */
    static final Set<Long> UNKNOWN_USER = Set.of(33012L, 60121L);

    private final WebClient client;
    private final String baseUrl;
    private final String appKey;
    private final String appSecret;
    private final long agentId;
    private final Format format;
    private final Duration timeout;
    private final AccessToken token;

    public DingTalkSender(WebClient client, String baseUrl, String appKey, String appSecret, long agentId,
            Format format, Duration timeout, Clock clock) {
        this.client = client;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.agentId = agentId;
        this.format = format;
        this.timeout = timeout;
        this.token = new AccessToken(this::obtainToken, clock);
    }

    @Override
    public Uni<Void> send(Message message) {
        String body = new JsonObject().put("agent_id", agentId).put("userid_list", message.address())
                .put("msg", msg(message)).encode();
        return token.call(accessToken -> post(accessToken, body), answer -> TOKEN_REFUSED.contains(errcode(answer)))
                .chain(answer -> outcome(answer, message.address()));
    }

    JsonObject msg(Message message) {
        if (format == Format.MARKDOWN) {
            String text = "### " + message.title() + "\n\n" + message.body()
                    + (message.link() == null ? "" : "\n\n[" + message.link() + "](" + message.link() + ")");
            return new JsonObject().put("msgtype", "markdown")
                    .put("markdown", new JsonObject().put("title", message.title()).put("text", text));
        }
        JsonObject oa = new JsonObject()
                .put("head", new JsonObject().put("bgcolor", "FFBBBBBB").put("text", message.title()))
                .put("body", new JsonObject().put("title", message.title()).put("content", message.body()));
        if (message.link() != null) {
            oa.put("message_url", message.link());
        }
        return new JsonObject().put("msgtype", "oa").put("oa", oa);
    }

    private Uni<HttpResponse<Buffer>> post(String accessToken, String body) {
        return client.postAbs(baseUrl + "/topapi/message/corpconversation/asyncsend_v2?access_token="
                + URLEncoder.encode(accessToken, StandardCharsets.UTF_8)).timeout(timeout.toMillis())
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .sendBuffer(Buffer.buffer(body))
                .onFailure().transform(failure -> SendFailure.transientFailure("DingTalk unreachable: "
                        + failure.getMessage()));
    }

    private static long errcode(HttpResponse<Buffer> answer) {
        return ProviderAnswer.code(ProviderAnswer.json(answer.bodyAsString()), "errcode", -2);
    }

    private static Uni<Void> outcome(HttpResponse<Buffer> answer, String userId) {
        int status = answer.statusCode();
        if (status != 200) {
            return Uni.createFrom().failure(SendFailure.fromStatus("DingTalk", status, answer.bodyAsString()));
        }
        long code = errcode(answer);
        if (code == 0) {
            return Uni.createFrom().voidItem();
        }
        String detail = "DingTalk errcode " + code + ": " + ProviderAnswer.shorten(answer.bodyAsString());
        if (UNKNOWN_USER.contains(code)) {
            return Uni.createFrom().failure(new SendFailure(SendFailure.Kind.BAD_ADDRESS,
                    "DingTalk does not know the user id " + userId + " (" + detail + ")"));
        }
        boolean retry = BUSY.contains(code) || TOKEN_REFUSED.contains(code);
        return Uni.createFrom().failure(new SendFailure(retry ? SendFailure.Kind.TRANSIENT : SendFailure.Kind.PERMANENT,
                detail));
    }

    private Uni<AccessToken.Issued> obtainToken() {
        return client.getAbs(baseUrl + "/gettoken?appkey=" + URLEncoder.encode(appKey, StandardCharsets.UTF_8)
                + "&appsecret=" + URLEncoder.encode(appSecret, StandardCharsets.UTF_8)).timeout(timeout.toMillis())
                .send()
                .onFailure().transform(failure -> SendFailure.transientFailure("DingTalk gettoken unreachable: "
                        + failure.getMessage()))
                .map(response -> AccessToken.Issued.read("DingTalk gettoken", response,
                        answer -> ProviderAnswer.code(answer, "errcode", -2) == 0, Duration.ofHours(2)));
    }
}
