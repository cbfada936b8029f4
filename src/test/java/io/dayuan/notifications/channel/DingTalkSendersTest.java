package io.dayuan.notifications.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.dayuan.notifications.NotificationChannel;
import io.vertx.core.json.JsonObject;

/**
 * DingTalk work notices and the emergency group's robot against a WireMock stand-in of the DingTalk API: the
 * requests as DingTalk documents them, the access token's caching and renewal, and how errcodes become retry /
 * park / forget-the-user-id.
 */
class DingTalkSendersTest {

    private static final String SEND = "/topapi/message/corpconversation/asyncsend_v2";

    @RegisterExtension
    final StandIn standIn = new StandIn();

    private DingTalkSender workNotices(DingTalkSender.Format format) {
        return new DingTalkSender(standIn.client(), standIn.base() + "/", "ding-app-key", "app secret&1", 3000123456L,
                format, StandIn.TIMEOUT, standIn.clock);
    }

    private void tokens(String... tokens) {
        standIn.tokens(() -> get(urlPathEqualTo("/gettoken")), token -> "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\""
                + token + "\",\"expires_in\":7200}", tokens);
    }

    private void answer(String token, int status, String body) {
        standIn.server.stubFor(post(urlPathEqualTo(SEND)).withQueryParam("access_token", equalTo(token))
                .willReturn(StandIn.json(status, body)));
    }

    private static Message to(String userId) {
        return StandIn.message(NotificationChannel.DINGTALK, userId, null);
    }

    private List<LoggedRequest> sends() {
        return standIn.server.findAll(postRequestedFor(urlPathEqualTo(SEND)));
    }

    private int tokenRequests() {
        return standIn.server.findAll(getRequestedFor(urlPathEqualTo("/gettoken"))).size();
    }

    @Test
    void aWorkNoticeIsAnOaMessageFromTheAgentToTheUserIdWithTheAppsToken() {
        tokens("token-1");
        answer("token-1", 200, "{\"errcode\":0,\"task_id\":256271667526,\"request_id\":\"4jzllmte0wau\"}");

        workNotices(DingTalkSender.Format.OA).send(to("manager4220")).await().atMost(Duration.ofSeconds(10));

        LoggedRequest token = standIn.server.findAll(getRequestedFor(urlPathEqualTo("/gettoken"))).get(0);
        assertThat(token.queryParameter("appkey").firstValue()).isEqualTo("ding-app-key");
        assertThat(token.queryParameter("appsecret").firstValue()).isEqualTo("app secret&1");
        LoggedRequest send = sends().get(0);
        assertThat(send.getUrl()).isEqualTo(SEND + "?access_token=token-1");
        assertThat(send.getHeader("Content-Type")).startsWith("application/json");
        JsonObject body = new JsonObject(send.getBodyAsString());
        assertThat(body.getLong("agent_id")).isEqualTo(3000123456L);
        assertThat(body.getString("userid_list")).isEqualTo("manager4220");
        JsonObject msg = body.getJsonObject("msg");
        assertThat(msg.getString("msgtype")).isEqualTo("oa");
        assertThat(msg.getJsonObject("oa").getString("message_url")).isEqualTo("dayuan://bookings/1");
        assertThat(msg.getJsonObject("oa").getJsonObject("head").getString("text")).isEqualTo("会议提醒");
        assertThat(msg.getJsonObject("oa").getJsonObject("body").getString("title")).isEqualTo("会议提醒");
        assertThat(msg.getJsonObject("oa").getJsonObject("body").getString("content")).isEqualTo("15分钟后在第一会议室开会");
    }

    @Test
    void aMarkdownWorkNoticeCarriesTitleTextAndLink() {
        tokens("token-1");
        answer("token-1", 200, "{\"errcode\":0,\"task_id\":1}");

        workNotices(DingTalkSender.Format.MARKDOWN).send(to("u1")).await().atMost(Duration.ofSeconds(10));

        JsonObject msg = new JsonObject(sends().get(0).getBodyAsString()).getJsonObject("msg");
        assertThat(msg.getString("msgtype")).isEqualTo("markdown");
        assertThat(msg.getJsonObject("markdown").getString("title")).isEqualTo("会议提醒");
        assertThat(msg.getJsonObject("markdown").getString("text"))
                .isEqualTo("### 会议提醒\n\n15分钟后在第一会议室开会\n\n[dayuan://bookings/1](dayuan://bookings/1)");
    }

    @Test
    void theTokenIsCachedUntilShortlyBeforeItExpires() {
        tokens("token-1", "token-2");
        answer("token-1", 200, "{\"errcode\":0}");
        answer("token-2", 200, "{\"errcode\":0}");
        DingTalkSender sender = workNotices(DingTalkSender.Format.OA);

        sender.send(to("u1")).await().atMost(Duration.ofSeconds(10));
        sender.send(to("u2")).await().atMost(Duration.ofSeconds(10));
        // 7200 s lifetime, renewed 300 s early
        standIn.clock.advance(Duration.ofSeconds(6899));
        sender.send(to("u3")).await().atMost(Duration.ofSeconds(10));
        assertThat(tokenRequests()).isEqualTo(1);

        standIn.clock.advance(Duration.ofSeconds(2));
        sender.send(to("u4")).await().atMost(Duration.ofSeconds(10));
        assertThat(tokenRequests()).isEqualTo(2);
        assertThat(sends()).extracting(LoggedRequest::getUrl).containsExactly(SEND + "?access_token=token-1",
                SEND + "?access_token=token-1", SEND + "?access_token=token-1", SEND + "?access_token=token-2");
    }

    @Test
    void anExpiredTokenIsRenewedOnceAndTheMessageSentWithTheNewOne() {
        tokens("token-1", "token-2");
        answer("token-1", 200, "{\"errcode\":42001,\"errmsg\":\"access_token超时\"}");
        answer("token-2", 200, "{\"errcode\":0}");

        workNotices(DingTalkSender.Format.OA).send(to("u1")).await().atMost(Duration.ofSeconds(10));

        assertThat(tokenRequests()).isEqualTo(2);
        assertThat(sends()).extracting(LoggedRequest::getUrl)
                .containsExactly(SEND + "?access_token=token-1", SEND + "?access_token=token-2");
    }

    @Test
    void aTokenRefusedTwiceIsRetriedLaterNotRenewedInALoop() {
        tokens("token-1", "token-2", "token-3");
        answer("token-1", 200, "{\"errcode\":40014,\"errmsg\":\"不合法的access_token\"}");
        answer("token-2", 200, "{\"errcode\":40014,\"errmsg\":\"不合法的access_token\"}");

        StandIn.assertFails(workNotices(DingTalkSender.Format.OA).send(to("u1")), SendFailure.Kind.TRANSIENT);
        assertThat(sends()).hasSize(2);
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void errcodesDecideBetweenRetryParkAndForgettingTheUserId() {
        tokens("token-1");
        DingTalkSender sender = workNotices(DingTalkSender.Format.OA);
        assertKind(sender, 200, "{\"errcode\":90018,\"errmsg\":\"访问太频繁\"}", SendFailure.Kind.TRANSIENT);
        assertKind(sender, 200, "{\"errcode\":-1,\"errmsg\":\"系统繁忙\"}", SendFailure.Kind.TRANSIENT);
        assertKind(sender, 503, "upstream down", SendFailure.Kind.TRANSIENT);
        assertKind(sender, 429, "", SendFailure.Kind.TRANSIENT);
        assertKind(sender, 200, "{\"errcode\":33012,\"errmsg\":\"无效的USERID\"}", SendFailure.Kind.BAD_ADDRESS);
        assertKind(sender, 200, "{\"errcode\":60121,\"errmsg\":\"找不到该用户\"}", SendFailure.Kind.BAD_ADDRESS);
        assertKind(sender, 200, "{\"errcode\":40035,\"errmsg\":\"不合法的参数\"}", SendFailure.Kind.PERMANENT);
    }

    private void assertKind(Sender sender, int status, String body, SendFailure.Kind kind) {
        answer("token-1", status, body);
        StandIn.assertFails(sender.send(to("u1")), kind);
    }

    @Test
    void theGroupRobotGetsASignedMarkdownMessageToEveryone() throws Exception {
        String secret = "SEC0123456789abcdef";
        standIn.server.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        DingTalkRobotSender robot = new DingTalkRobotSender(standIn.client(),
                standIn.base() + "/robot/send?access_token=robot-token", secret, StandIn.TIMEOUT, standIn.clock);

        robot.send(new Message(null, null, NotificationChannel.DINGTALK, Senders.GROUP, null, "EMERGENCY", "防汛紧急通知",
                "今晚有暴雨，请各村值班", null)).await().atMost(Duration.ofSeconds(10));

        LoggedRequest request = standIn.server.findAll(postRequestedFor(urlPathEqualTo("/robot/send"))).get(0);
        String timestamp = String.valueOf(standIn.clock.millis());
        assertThat(request.queryParameter("access_token").firstValue()).isEqualTo("robot-token");
        assertThat(request.queryParameter("timestamp").firstValue()).isEqualTo(timestamp);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "\n" + secret)
                .getBytes(StandardCharsets.UTF_8)));
        // the query carries the signature URL-encoded ('+', '/' and '=' escaped); WireMock hands it back decoded
        assertThat(request.getUrl()).contains("&sign=" + java.net.URLEncoder.encode(expected, StandardCharsets.UTF_8));
        assertThat(request.queryParameter("sign").firstValue()).isEqualTo(expected);
        JsonObject body = new JsonObject(request.getBodyAsString());
        assertThat(body.getString("msgtype")).isEqualTo("markdown");
        assertThat(body.getJsonObject("markdown").getString("title")).isEqualTo("防汛紧急通知");
        assertThat(body.getJsonObject("markdown").getString("text")).isEqualTo("### 防汛紧急通知\n\n今晚有暴雨，请各村值班");
        assertThat(body.getJsonObject("at").getBoolean("isAtAll")).isTrue();

        standIn.server.stubFor(post(urlPathEqualTo("/robot/send"))
                .willReturn(okJson("{\"errcode\":130101,\"errmsg\":\"send too fast\"}")));
        StandIn.assertFails(robot.send(StandIn.message(NotificationChannel.DINGTALK, Senders.GROUP, null)),
                SendFailure.Kind.TRANSIENT);
        standIn.server.stubFor(post(urlPathEqualTo("/robot/send"))
                .willReturn(okJson("{\"errcode\":310000,\"errmsg\":\"sign not match\"}")));
        StandIn.assertFails(robot.send(StandIn.message(NotificationChannel.DINGTALK, Senders.GROUP, null)),
                SendFailure.Kind.PERMANENT);
    }
}
