package io.dayuan.notifications.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.dayuan.notifications.NotificationChannel;
import io.dayuan.notifications.PushProvider;
import io.vertx.core.json.JsonObject;

/**
 * Huawei Push Kit and JPush against WireMock stand-ins: the documented requests (OAuth 2 client credentials and the
 * v1 messages:send of Push Kit; JPush's v3 push with Basic auth), token caching and renewal, and how answers become
 * retry / park / forget-the-device.
 */
class VendorPushSendersTest {

    private static final String HUAWEI_SEND = "/v1/104456789/messages:send";

    @RegisterExtension
    final StandIn standIn = new StandIn();

    // ---------------------------------------------------------------- Huawei Push Kit

    private HuaweiPushSender huawei() {
        return new HuaweiPushSender(standIn.client(), standIn.base(), "104456789", standIn.base() + "/oauth2/v3/token",
                "104456789", "huawei/secret+1", StandIn.TIMEOUT, standIn.clock);
    }

    private void huaweiTokens(String... tokens) {
        standIn.tokens(() -> post(urlPathEqualTo("/oauth2/v3/token")), token -> "{\"access_token\":\"" + token
                + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}", tokens);
    }

    private void huaweiAnswer(String token, int status, String body) {
        standIn.server.stubFor(post(urlPathEqualTo(HUAWEI_SEND)).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(StandIn.json(status, body)));
    }

    private static Message push(String token, PushProvider provider) {
        return StandIn.message(NotificationChannel.PUSH, token, provider);
    }

    private List<LoggedRequest> huaweiTokenRequests() {
        return standIn.server.findAll(postRequestedFor(urlPathEqualTo("/oauth2/v3/token")));
    }

    @Test
    void huaweiGetsAClientCredentialsTokenThenSendsAV1MessageToTheToken() {
        huaweiTokens("hw-token-1");
        huaweiAnswer("hw-token-1", 200, "{\"code\":\"80000000\",\"msg\":\"Success\",\"requestId\":\"1\"}");
        HuaweiPushSender sender = huawei();

        sender.send(push("IQAAAACy0kYeAAD", PushProvider.HUAWEI)).await().atMost(Duration.ofSeconds(10));
        sender.send(push("IQAAAACy0kYeBBB", PushProvider.HUAWEI)).await().atMost(Duration.ofSeconds(10));

        assertThat(huaweiTokenRequests()).hasSize(1);
        LoggedRequest token = huaweiTokenRequests().get(0);
        assertThat(token.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(token.getBodyAsString())
                .isEqualTo("grant_type=client_credentials&client_id=104456789&client_secret=huawei%2Fsecret%2B1");
        LoggedRequest send = standIn.server.findAll(postRequestedFor(urlPathEqualTo(HUAWEI_SEND))).get(0);
        assertThat(send.getHeader("Authorization")).isEqualTo("Bearer hw-token-1");
        JsonObject body = new JsonObject(send.getBodyAsString());
        assertThat(body.getBoolean("validate_only")).isFalse();
        JsonObject message = body.getJsonObject("message");
        assertThat(message.getJsonArray("token").getList()).containsExactly("IQAAAACy0kYeAAD");
        assertThat(message.getJsonObject("notification").getString("title")).isEqualTo("会议提醒");
        assertThat(message.getJsonObject("notification").getString("body")).isEqualTo("15分钟后在第一会议室开会");
        JsonObject android = message.getJsonObject("android");
        assertThat(android.getString("urgency")).isEqualTo("HIGH");
        assertThat(android.getJsonObject("notification").getJsonObject("click_action").getInteger("type")).isEqualTo(1);
        assertThat(android.getJsonObject("notification").getJsonObject("click_action").getString("intent"))
                .isEqualTo("dayuan://bookings/1");
        // Push Kit's data is a string of JSON
        JsonObject data = new JsonObject(message.getString("data"));
        assertThat(data.getString("notificationId")).isEqualTo("00000000-0000-0000-0000-0000000000a1");
        assertThat(data.getString("link")).isEqualTo("dayuan://bookings/1");
    }

    @Test
    void huaweiTokenIsKeptForItsLifetimeAndRenewedOnceWhenRefused() {
        huaweiTokens("hw-token-1", "hw-token-2", "hw-token-3");
        huaweiAnswer("hw-token-1", 200, "{\"code\":\"80000000\"}");
        HuaweiPushSender sender = huawei();
        sender.send(push("t", PushProvider.HUAWEI)).await().atMost(Duration.ofSeconds(10));
        // 3600 s lifetime, renewed 300 s early
        standIn.clock.advance(Duration.ofSeconds(3299));
        sender.send(push("t", PushProvider.HUAWEI)).await().atMost(Duration.ofSeconds(10));
        assertThat(huaweiTokenRequests()).hasSize(1);

        // the OAuth token expired early: renewed once, and the message goes with the new one
        huaweiAnswer("hw-token-1", 401, "{\"code\":\"80200003\",\"msg\":\"OAuth token expired\"}");
        huaweiAnswer("hw-token-2", 200, "{\"code\":\"80000000\"}");
        sender.send(push("t", PushProvider.HUAWEI)).await().atMost(Duration.ofSeconds(10));
        assertThat(huaweiTokenRequests()).hasSize(2);

        standIn.clock.advance(Duration.ofSeconds(3301));
        huaweiAnswer("hw-token-3", 200, "{\"code\":\"80000000\"}");
        sender.send(push("t", PushProvider.HUAWEI)).await().atMost(Duration.ofSeconds(10));
        assertThat(huaweiTokenRequests()).hasSize(3);
    }

    @Test
    void huaweiAnswersDecideBetweenRetryParkAndForgettingTheDevice() {
        huaweiTokens("hw-token-1");
        HuaweiPushSender sender = huawei();
        huaweiKind(sender, 200, "{\"code\":\"80300007\",\"msg\":\"All the tokens are invalid\"}", SendFailure.Kind.BAD_ADDRESS);
        huaweiKind(sender, 200, "{\"code\":\"80100000\",\"msg\":\"{\\\"success\\\":0,\\\"failure\\\":1,\\\"illegal_tokens\\\":[\\\"t\\\"]}\"}",
                SendFailure.Kind.BAD_ADDRESS);
        huaweiKind(sender, 503, "{\"code\":\"81000001\",\"msg\":\"Internal error\"}", SendFailure.Kind.TRANSIENT);
        huaweiKind(sender, 500, "", SendFailure.Kind.TRANSIENT);
        huaweiKind(sender, 429, "{\"code\":\"80300010\"}", SendFailure.Kind.TRANSIENT);
        huaweiKind(sender, 400, "{\"code\":\"80100003\",\"msg\":\"Illegal message structure\"}", SendFailure.Kind.PERMANENT);
        huaweiKind(sender, 200, "{\"code\":\"80300008\",\"msg\":\"The message body size exceeds the default value\"}",
                SendFailure.Kind.PERMANENT);
    }

    private void huaweiKind(Sender sender, int status, String body, SendFailure.Kind kind) {
        huaweiAnswer("hw-token-1", status, body);
        StandIn.assertFails(sender.send(push("t", PushProvider.HUAWEI)), kind);
    }

    // ---------------------------------------------------------------- JPush

    private JPushSender jpush() {
        return new JPushSender(standIn.client(), standIn.base(), "jpush-app-key", "jpush-master-secret", false,
                StandIn.TIMEOUT);
    }

    private void jpushAnswer(int status, String body) {
        standIn.server.stubFor(post(urlPathEqualTo("/v3/push")).willReturn(StandIn.json(status, body)));
    }

    @Test
    void jpushSendsAV3PushWithBasicAuthToTheRegistrationId() {
        jpushAnswer(200, "{\"sendno\":\"0\",\"msg_id\":\"54043196\"}");

        jpush().send(push("1a0018970a8d1234", PushProvider.JPUSH)).await().atMost(Duration.ofSeconds(10));

        LoggedRequest request = standIn.server.findAll(postRequestedFor(urlPathEqualTo("/v3/push"))).get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("jpush-app-key:jpush-master-secret".getBytes(StandardCharsets.UTF_8)));
        JsonObject body = new JsonObject(request.getBodyAsString());
        assertThat(body.getString("platform")).isEqualTo("all");
        assertThat(body.getJsonObject("audience").getJsonArray("registration_id").getList())
                .containsExactly("1a0018970a8d1234");
        JsonObject notification = body.getJsonObject("notification");
        assertThat(notification.getString("alert")).isEqualTo("15分钟后在第一会议室开会");
        assertThat(notification.getJsonObject("android").getString("title")).isEqualTo("会议提醒");
        assertThat(notification.getJsonObject("android").getJsonObject("extras").getString("link"))
                .isEqualTo("dayuan://bookings/1");
        assertThat(notification.getJsonObject("ios").getJsonObject("alert").getString("title")).isEqualTo("会议提醒");
        assertThat(notification.getJsonObject("ios").getJsonObject("extras").getString("notificationId"))
                .isEqualTo("00000000-0000-0000-0000-0000000000a1");
        assertThat(body.getJsonObject("options").getBoolean("apns_production")).isFalse();
    }

    @Test
    void jpushAnswersDecideBetweenRetryParkAndForgettingTheDevice() {
        JPushSender sender = jpush();
        jpushKind(sender, 400, "{\"error\":{\"code\":1011,\"message\":\"cannot find user by this audience\"}}",
                SendFailure.Kind.BAD_ADDRESS);
        jpushKind(sender, 429, "{\"error\":{\"code\":2002,\"message\":\"Rate limit exceeded\"}}", SendFailure.Kind.TRANSIENT);
        jpushKind(sender, 502, "bad gateway", SendFailure.Kind.TRANSIENT);
        jpushKind(sender, 400, "{\"error\":{\"code\":1003,\"message\":\"Parameter value is invalid\"}}",
                SendFailure.Kind.PERMANENT);
        JPushSender unreachable = new JPushSender(standIn.client(), "http://127.0.0.1:1", "k", "s", true, StandIn.TIMEOUT);
        StandIn.assertFails(unreachable.send(push("r", PushProvider.JPUSH)), SendFailure.Kind.TRANSIENT);
    }

    private void jpushKind(Sender sender, int status, String body, SendFailure.Kind kind) {
        jpushAnswer(status, body);
        StandIn.assertFails(sender.send(push("r", PushProvider.JPUSH)), kind);
    }
}
