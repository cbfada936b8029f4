package io.dayuan.notifications.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dayuan.notifications.DevicePlatform;
import io.dayuan.notifications.NotificationChannel;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * The real HTTP requests of the SMS gateway, FCM and APNs senders, against a stand-in server on a loopback port:
 * their shape, their signatures, and how provider answers become retry / park / forget-the-device.
 */
class SendersTest {

    /** What the stand-in server received. */
    record Received(String method, String path, HttpVersion version, io.vertx.core.MultiMap headers, String body) {
    }

    private Vertx vertx;
    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "{}";
    private int port;
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void startStandIn() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.getDelegate().createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                .setHttp2ClearTextEnabled(true));
        server.requestHandler(request -> request.body().onSuccess(body -> {
            received.add(new Received(request.method().name(), request.uri(), request.version(), request.headers(),
                    body.toString(StandardCharsets.UTF_8)));
            String reply = request.path().equals("/token")
                    ? new JsonObject().put("access_token", "access-1").put("expires_in", 3600).encode() : answer;
            request.response().setStatusCode(request.path().equals("/token") ? 200 : status).end(reply);
        }));
        port = server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
    }

    @AfterEach
    void stop() {
        server.close();
        vertx.closeAndAwait();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static Message message(String address, DevicePlatform platform, NotificationChannel channel) {
        return new Message(UUID.fromString("00000000-0000-0000-0000-0000000000d1"),
                UUID.fromString("00000000-0000-0000-0000-0000000000a1"), channel, address, platform, "BOOKING_REMINDER",
                "会议提醒", "15分钟后在第一会议室开会", "dayuan://bookings/1");
    }

    @Test
    void smsGoesAsAJsonPostSignedWithTheSharedSecret() {
        SmsGatewaySender sms = new SmsGatewaySender(WebClient.create(vertx), base() + "/sms", "s3cret",
                Duration.ofSeconds(5), clock);
        sms.send(message("+8613800000001", null, NotificationChannel.SMS)).await().atMost(Duration.ofSeconds(10));

        Received request = received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/sms");
        JsonObject body = new JsonObject(request.body());
        assertThat(body.getString("to")).isEqualTo("+8613800000001");
        assertThat(body.getString("text")).isEqualTo("会议提醒\n15分钟后在第一会议室开会");
        assertThat(body.getString("id")).isEqualTo("00000000-0000-0000-0000-0000000000d1");
        assertThat(request.headers().get("Idempotency-Key")).isEqualTo("00000000-0000-0000-0000-0000000000d1");
        String timestamp = request.headers().get(SmsGatewaySender.TIMESTAMP_HEADER);
        assertThat(timestamp).isEqualTo(String.valueOf(clock.instant().getEpochSecond()));
        assertThat(request.headers().get(SmsGatewaySender.SIGNATURE_HEADER)).isEqualTo("sha256="
                + SmsGatewaySender.sign("s3cret".getBytes(StandardCharsets.UTF_8), timestamp + "." + request.body()));
        assertThat(request.headers().get(SmsGatewaySender.SIGNATURE_HEADER)).isNotEqualTo("sha256="
                + SmsGatewaySender.sign("other".getBytes(StandardCharsets.UTF_8), timestamp + "." + request.body()));
    }

    @Test
    void smsGatewayAnswersDecideBetweenRetryAndPark() {
        SmsGatewaySender sms = new SmsGatewaySender(WebClient.create(vertx), base() + "/sms", "s3cret",
                Duration.ofSeconds(5), clock);
        status = 503;
        assertThatThrownBy(() -> sms.send(message("+86138", null, NotificationChannel.SMS)).await().indefinitely())
                .isInstanceOfSatisfying(SendFailure.class, f -> assertThat(f.kind()).isEqualTo(SendFailure.Kind.TRANSIENT));
        status = 400;
        assertThatThrownBy(() -> sms.send(message("+86138", null, NotificationChannel.SMS)).await().indefinitely())
                .isInstanceOfSatisfying(SendFailure.class, f -> assertThat(f.kind()).isEqualTo(SendFailure.Kind.PERMANENT));
        SmsGatewaySender unreachable = new SmsGatewaySender(WebClient.create(vertx), "http://127.0.0.1:1/sms", "s",
                Duration.ofSeconds(5), clock);
        assertThatThrownBy(() -> unreachable.send(message("+86138", null, NotificationChannel.SMS)).await().indefinitely())
                .isInstanceOfSatisfying(SendFailure.class, f -> assertThat(f.kind()).isEqualTo(SendFailure.Kind.TRANSIENT));
    }

    @Test
    void fcmGetsAnAccessTokenWithTheServiceAccountKeyThenSendsAV1Message() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        JsonObject account = new JsonObject().put("type", "service_account").put("project_id", "dayuan-test")
                .put("client_email", "push@dayuan-test.iam.gserviceaccount.com").put("private_key_id", "kid-1")
                .put("private_key", pem("PRIVATE KEY", keys.getPrivate().getEncoded()))
                .put("token_uri", base() + "/token");
        FcmSender fcm = new FcmSender(WebClient.create(vertx), base(), null, account, Duration.ofSeconds(5), clock);

        fcm.send(message("fcm-token-1", DevicePlatform.ANDROID, NotificationChannel.PUSH)).await().atMost(Duration.ofSeconds(10));
        fcm.send(message("fcm-token-2", DevicePlatform.ANDROID, NotificationChannel.PUSH)).await().atMost(Duration.ofSeconds(10));

        assertThat(received).extracting(Received::path)
                .containsExactly("/token", "/v1/projects/dayuan-test/messages:send", "/v1/projects/dayuan-test/messages:send");
        Received token = received.get(0);
        assertThat(token.body()).startsWith("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=");
        JsonWebSignature assertion = new JsonWebSignature();
        assertion.setCompactSerialization(token.body().substring(token.body().indexOf("assertion=") + 10));
        assertion.setKey(keys.getPublic());
        assertThat(assertion.verifySignature()).isTrue();
        assertThat(assertion.getAlgorithmHeaderValue()).isEqualTo("RS256");
        assertThat(assertion.getKeyIdHeaderValue()).isEqualTo("kid-1");
        JsonObject claims = new JsonObject(assertion.getPayload());
        assertThat(claims.getString("iss")).isEqualTo("push@dayuan-test.iam.gserviceaccount.com");
        assertThat(claims.getString("scope")).isEqualTo("https://www.googleapis.com/auth/firebase.messaging");
        assertThat(claims.getString("aud")).isEqualTo(base() + "/token");

        Received send = received.get(1);
        assertThat(send.headers().get("Authorization")).isEqualTo("Bearer access-1");
        JsonObject message = new JsonObject(send.body()).getJsonObject("message");
        assertThat(message.getString("token")).isEqualTo("fcm-token-1");
        assertThat(message.getJsonObject("notification").getString("title")).isEqualTo("会议提醒");
        assertThat(message.getJsonObject("notification").getString("body")).isEqualTo("15分钟后在第一会议室开会");
        assertThat(message.getJsonObject("data").getString("link")).isEqualTo("dayuan://bookings/1");
        assertThat(message.getJsonObject("data").getString("notificationId")).isEqualTo("00000000-0000-0000-0000-0000000000a1");

        status = 404;
        answer = "{\"error\":{\"code\":404,\"status\":\"NOT_FOUND\",\"details\":[{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\"UNREGISTERED\"}]}}";
        assertThatThrownBy(() -> fcm.send(message("gone", DevicePlatform.ANDROID, NotificationChannel.PUSH)).await().indefinitely())
                .isInstanceOfSatisfying(SendFailure.class, f -> assertThat(f.kind()).isEqualTo(SendFailure.Kind.BAD_ADDRESS));
        status = 503;
        answer = "{}";
        assertThatThrownBy(() -> fcm.send(message("fcm-token-1", DevicePlatform.ANDROID, NotificationChannel.PUSH)).await().indefinitely())
                .isInstanceOfSatisfying(SendFailure.class, f -> assertThat(f.kind()).isEqualTo(SendFailure.Kind.TRANSIENT));
    }

    @Test
    void apnsSendsOverHttp2WithAProviderTokenSignedByTheTeamKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        WebClient client = WebClient.create(vertx, Senders.http2(base()));
        ApnsSender apns = new ApnsSender(client, base(), "TEAM123456", "KEY1234567",
                pem("PRIVATE KEY", keys.getPrivate().getEncoded()), "cn.gov.dayuan.app", Duration.ofSeconds(5), clock);
        String device = "a".repeat(64);

        apns.send(message(device, DevicePlatform.IOS, NotificationChannel.PUSH)).await().atMost(Duration.ofSeconds(10));

        Received request = received.get(0);
        assertThat(request.version()).isEqualTo(HttpVersion.HTTP_2);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/3/device/" + device);
        assertThat(request.headers().get("apns-topic")).isEqualTo("cn.gov.dayuan.app");
        assertThat(request.headers().get("apns-push-type")).isEqualTo("alert");
        assertThat(request.headers().get("apns-priority")).isEqualTo("10");
        assertThat(UUID.fromString(request.headers().get("apns-id"))).isNotNull();
        String authorization = request.headers().get("authorization");
        assertThat(authorization).startsWith("bearer ");
        JsonWebSignature token = new JsonWebSignature();
        token.setCompactSerialization(authorization.substring(7));
        token.setKey(keys.getPublic());
        assertThat(token.verifySignature()).isTrue();
        assertThat(token.getAlgorithmHeaderValue()).isEqualTo("ES256");
        assertThat(token.getKeyIdHeaderValue()).isEqualTo("KEY1234567");
        assertThat(new JsonObject(token.getPayload()).getString("iss")).isEqualTo("TEAM123456");
        JsonObject alert = new JsonObject(request.body()).getJsonObject("aps").getJsonObject("alert");
        assertThat(alert.getString("title")).isEqualTo("会议提醒");
        assertThat(alert.getString("body")).isEqualTo("15分钟后在第一会议室开会");
        assertThat(new JsonObject(request.body()).getString("link")).isEqualTo("dayuan://bookings/1");

        status = 410;
        answer = "{\"reason\":\"Unregistered\"}";
        assertThatThrownBy(() -> apns.send(message(device, DevicePlatform.IOS, NotificationChannel.PUSH)).await().indefinitely())
                .isInstanceOfSatisfying(SendFailure.class, f -> assertThat(f.kind()).isEqualTo(SendFailure.Kind.BAD_ADDRESS));
        status = 400;
        answer = "{\"reason\":\"PayloadTooLarge\"}";
        assertThatThrownBy(() -> apns.send(message(device, DevicePlatform.IOS, NotificationChannel.PUSH)).await().indefinitely())
                .isInstanceOfSatisfying(SendFailure.class, f -> assertThat(f.kind()).isEqualTo(SendFailure.Kind.PERMANENT));
        assertThat(ApnsSender.isApnsToken(device)).isTrue();
        assertThat(ApnsSender.isApnsToken("fcm:APA91b-token")).isFalse();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

}
