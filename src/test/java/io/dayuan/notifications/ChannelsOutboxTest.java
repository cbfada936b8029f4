package io.dayuan.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.dayuan.notifications.NotificationFixtures.await;
import static io.dayuan.notifications.NotificationFixtures.inTransaction;
import static io.dayuan.notifications.NotificationFixtures.notice;
import static io.dayuan.notifications.ProviderStandIns.DINGTALK_SEND;
import static io.dayuan.notifications.ProviderStandIns.HUAWEI_SEND;
import static io.dayuan.notifications.ProviderStandIns.JPUSH_SEND;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.dayuan.GraphQL;
import io.dayuan.notifications.NotificationFixtures.Someone;
import io.dayuan.notifications.service.DeliveryWorker;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;

/**
 * DingTalk work notices, Huawei Push Kit and JPush through the outbox, with the real senders against the stand-in:
 * the worker's rules (preferences, quiet hours, backoff, parking, the claim) hold for them as for every channel, and
 * each provider's answers become retry, park or drop-the-address.
 */
@QuarkusTest
@TestProfile(ProviderStandIns.Profile.class)
class ChannelsOutboxTest extends NotificationTestBase {

    @Inject
    DeliveryWorker worker;

    /** Someone with a phone and a DingTalk user id set by an admin. */
    private Someone onDingTalk(String userId) {
        Someone person = fixtures.someone(null, "staff");
        var set = graphQL.call(graphQL.as("admin"), "mutation($p: ID!, $d: String) { setPersonDingTalkId(personId: $p, "
                + "dingTalkUserId: $d) { dingTalkUserId } }", Map.of("p", person.id().toString(), "d", userId));
        assertThat(set.getString("data.setPersonDingTalkId.dingTalkUserId")).isEqualTo(userId);
        return person;
    }

    /** Someone with a phone and an Android phone registered with the provider. */
    private Someone withDevice(PushProvider provider, String token) {
        Someone person = fixtures.someone(null, "staff");
        var registered = graphQL.call(person.as(), "mutation($t: String!, $p: PushProvider) { registerDevice(token: $t, "
                + "platform: ANDROID, provider: $p) { provider } }", Map.of("t", token, "p", provider.name()));
        assertThat(registered.getString("data.registerDevice.provider")).isEqualTo(provider.name());
        return person;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    private void tell(Someone person, String kind, String marker) {
        inTransaction(() -> notifier.notify(person.id(), notice(kind, marker)));
    }

    private Row delivery(Someone person, String channel) {
        return database.rows("SELECT id, status, attempts, due_at, last_error, delivered_to, now() AS now "
                + "FROM notification_delivery WHERE person_id = $1 AND channel = $2", person.id(), channel).get(0);
    }

    private String status(Someone person, String channel) {
        return delivery(person, channel).getString("status");
    }

    private List<String> channels(Someone person) {
        return database.rows("SELECT channel || ':' || status FROM notification_delivery WHERE person_id = $1 "
                + "ORDER BY channel", person.id()).stream().map(row -> row.getString(0)).toList();
    }

    private static MappingBuilder dingTalkTo(String userId) {
        return post(urlPathEqualTo(DINGTALK_SEND)).withRequestBody(matchingJsonPath("$.userid_list", equalTo(userId)));
    }

    private static MappingBuilder huaweiTo(String token) {
        return post(urlPathEqualTo(HUAWEI_SEND)).withRequestBody(matchingJsonPath("$.message.token[0]", equalTo(token)));
    }

    private static MappingBuilder jpushTo(String registrationId) {
        return post(urlPathEqualTo(JPUSH_SEND))
                .withRequestBody(matchingJsonPath("$.audience.registration_id[0]", equalTo(registrationId)));
    }

    private static void answer(MappingBuilder request, ResponseDefinitionBuilder response) {
        ProviderStandIns.server().stubFor(request.willReturn(response));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return WireMock.aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static List<LoggedRequest> seen(String path, String jsonPath, String value) {
        return ProviderStandIns.server().findAll(postRequestedFor(urlPathEqualTo(path))
                .withRequestBody(matchingJsonPath(jsonPath, equalTo(value))));
    }

    private static List<LoggedRequest> dingTalkSeen(String userId) {
        return seen(DINGTALK_SEND, "$.userid_list", userId);
    }

    /** The backoff has elapsed. */
    private void due(Someone person, String channel) {
        database.execute("UPDATE notification_delivery SET due_at = now() WHERE person_id = $1 AND channel = $2",
                person.id(), channel);
    }

    @Test
    void aWorkNoticeGoesFromTheAgentToThePersonsDingTalkIdAndIsMarkedSent() {
        String userId = unique("dt");
        Someone person = onDingTalk(userId);
        Someone without = fixtures.someone(null, "staff");
        String marker = unique("m");

        tell(person, "TEST_DINGTALK", marker);
        tell(without, "TEST_DINGTALK", marker);

        await("the work notice", Duration.ofSeconds(15), () -> status(person, "DINGTALK").equals("SENT"));
        LoggedRequest sent = dingTalkSeen(userId).get(0);
        assertThat(sent.queryParameter("access_token").firstValue()).isEqualTo("ding-token");
        JsonObject body = new JsonObject(sent.getBodyAsString());
        assertThat(body.getLong("agent_id")).isEqualTo(4242L);
        JsonObject oa = body.getJsonObject("msg").getJsonObject("oa");
        assertThat(oa.getJsonObject("body").getString("title")).isEqualTo("会议提醒 " + marker);
        assertThat(oa.getJsonObject("body").getString("content")).isEqualTo("15分钟后开会 " + marker);
        assertThat(oa.getString("message_url")).isEqualTo("dayuan://test/" + marker);
        assertThat(dingTalkSeen(userId)).hasSize(1);
        // no DingTalk user id, no DingTalk delivery
        assertThat(channels(without)).extracting(channel -> channel.split(":")[0]).containsExactly("IN_APP", "SMS");
    }

    @Test
    void theDingTalkUserIdComesFromTheConfiguredClaimOfTheToken() {
        String subject = unique("claim");
        String userId = unique("from-token");
        GraphQL.As withClaim = graphQL.withClaims(subject, Map.of(ProviderStandIns.DINGTALK_CLAIM, userId), "staff");
        String me = "{ me { id dingTalkUserId } }";
        assertThat(graphQL.call(withClaim, me).getString("data.me.dingTalkUserId")).isEqualTo(userId);
        // a token without the claim leaves the id as it was; the default claim name means nothing here
        GraphQL.As otherClaim = graphQL.withClaims(subject, Map.of("dingtalk_userid", "ignored"), "staff");
        var again = graphQL.call(otherClaim, me);
        assertThat(again.getString("data.me.dingTalkUserId")).isEqualTo(userId);

        Someone person = new Someone(otherClaim, UUID.fromString(again.getString("data.me.id")), null);
        tell(person, "TEST_CLAIM", "c");
        await("the work notice", Duration.ofSeconds(15), () -> dingTalkSeen(userId).size() == 1);
    }

    @Test
    void preferencesChooseDingTalkOrNot() {
        String userId = unique("pref");
        Someone person = onDingTalk(userId);
        String set = "mutation($k: String!, $c: [NotificationChannel!]!) { setNotificationChannels(kind: $k, channels: $c) "
                + "{ defaultChannels } }";
        graphQL.call(person.as(), set, Map.of("k", "TEST_DT_ONLY", "c", List.of("DINGTALK")));
        graphQL.call(person.as(), set, Map.of("k", "TEST_NO_DT", "c", List.of("SMS")));
        String only = unique("only");
        String not = unique("not");

        tell(person, "TEST_DT_ONLY", only);
        tell(person, "TEST_NO_DT", not);

        String byKind = "SELECT d.channel FROM notification_delivery d JOIN notification n ON n.id = d.notification_id "
                + "WHERE d.person_id = $1 AND n.kind = $2 ORDER BY 1";
        assertThat(database.rows(byKind, person.id(), "TEST_DT_ONLY")).extracting(row -> row.getString(0))
                .containsExactly("DINGTALK", "IN_APP");
        assertThat(database.rows(byKind, person.id(), "TEST_NO_DT")).extracting(row -> row.getString(0))
                .containsExactly("IN_APP", "SMS");
        await("the work notice", Duration.ofSeconds(15), () -> dingTalkSeen(userId).size() == 1);
        await("the SMS", Duration.ofSeconds(15), () -> database.count("SELECT count(*) FROM notification_delivery "
                + "WHERE person_id = $1 AND channel = 'SMS' AND status = 'SENT'", person.id()) == 1);
        assertThat(new JsonObject(dingTalkSeen(userId).get(0).getBodyAsString()).getJsonObject("msg")
                .getJsonObject("oa").getJsonObject("body").getString("title")).isEqualTo("会议提醒 " + only);
    }

    @Test
    void duringQuietHoursTheWorkNoticeWaitsForTheirEnd() {
        String userId = unique("quiet");
        Someone person = onDingTalk(userId);
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Shanghai"));
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        ZonedDateTime end = now.plusHours(2).truncatedTo(ChronoUnit.MINUTES);
        graphQL.call(person.as(), "mutation($f: String, $u: String) { setQuietHours(from: $f, until: $u) { quietHours "
                + "{ from } } }", Map.of("f", now.minusHours(1).format(hhmm), "u", end.format(hhmm)));

        tell(person, "TEST_QUIET_DT", "q");

        Row row = delivery(person, "DINGTALK");
        assertThat(row.getString("status")).isEqualTo("PENDING");
        assertThat(row.getOffsetDateTime("due_at").toInstant()).isEqualTo(end.toInstant());
        worker.deliverDue().await().atMost(Duration.ofSeconds(30));
        assertThat(dingTalkSeen(userId)).isEmpty();
        assertThat(status(person, "DINGTALK")).isEqualTo("PENDING");
    }

    /** Whom a test tells, on which channel, at which address. */
    private record Addressed(Someone person, String channel, String address) {
    }

    /** Someone on DingTalk, someone with a Huawei phone and someone with a JPush phone, told while each answers so. */
    private List<Addressed> toldWhileProvidersAnswer(String kind, ResponseDefinitionBuilder dingTalk,
            ResponseDefinitionBuilder huawei, ResponseDefinitionBuilder jpush) {
        String userId = unique(kind + "-dt");
        String huaweiToken = unique(kind + "-hw");
        String jpushId = unique(kind + "-jp");
        List<Addressed> told = List.of(new Addressed(onDingTalk(userId), "DINGTALK", userId),
                new Addressed(withDevice(PushProvider.HUAWEI, huaweiToken), "PUSH", huaweiToken),
                new Addressed(withDevice(PushProvider.JPUSH, jpushId), "PUSH", jpushId));
        answer(dingTalkTo(userId), dingTalk);
        answer(huaweiTo(huaweiToken), huawei);
        answer(jpushTo(jpushId), jpush);
        told.forEach(one -> tell(one.person(), kind, kind));
        return told;
    }

    @Test
    void busyOrFailingProvidersAreRetriedWithBackoffUntilTheyAccept() {
        List<Addressed> told = toldWhileProvidersAnswer("TEST_BUSY", okJson("{\"errcode\":90018,\"errmsg\":\"访问太频繁\"}"),
                json(503, "{\"code\":\"81000001\",\"msg\":\"Internal error\"}"),
                json(429, "{\"error\":{\"code\":2002,\"message\":\"Rate limit exceeded\"}}"));

        List<String> errors = List.of("90018", "81000001", "429");
        for (int i = 0; i < told.size(); i++) {
            Addressed one = told.get(i);
            await(one.address() + " tried once", Duration.ofSeconds(15),
                    () -> delivery(one.person(), one.channel()).getInteger("attempts") == 1);
            Row row = delivery(one.person(), one.channel());
            assertThat(row.getString("status")).isEqualTo("PENDING");
            assertThat(row.getString("last_error")).contains(errors.get(i));
            long backoff = Duration.between(row.getOffsetDateTime("now"), row.getOffsetDateTime("due_at")).toSeconds();
            assertThat(backoff).isBetween(25L, 30L);
        }

        answer(dingTalkTo(told.get(0).address()), okJson("{\"errcode\":0}"));
        answer(huaweiTo(told.get(1).address()), okJson("{\"code\":\"80000000\"}"));
        answer(jpushTo(told.get(2).address()), okJson("{\"sendno\":\"0\",\"msg_id\":\"2\"}"));
        for (Addressed one : told) {
            due(one.person(), one.channel());
            await(one.address() + " sent", Duration.ofSeconds(15), () -> status(one.person(), one.channel()).equals("SENT"));
            assertThat(delivery(one.person(), one.channel()).getString("last_error")).isNull();
        }
        assertThat(dingTalkSeen(told.get(0).address())).hasSize(2);
        assertThat(seen(HUAWEI_SEND, "$.message.token[0]", told.get(1).address())).hasSize(2);
        assertThat(seen(JPUSH_SEND, "$.audience.registration_id[0]", told.get(2).address())).hasSize(2);
        assertThat(delivery(told.get(2).person(), "PUSH").getArrayOfStrings("delivered_to"))
                .containsExactly(told.get(2).address());
    }

    @Test
    void aMessageTheProviderRefusesIsParkedAtOnce() {
        List<Addressed> told = toldWhileProvidersAnswer("TEST_REFUSED",
                okJson("{\"errcode\":40035,\"errmsg\":\"不合法的参数\"}"),
                json(400, "{\"code\":\"80100003\",\"msg\":\"Illegal message structure\"}"),
                json(400, "{\"error\":{\"code\":1003,\"message\":\"Parameter value is invalid\"}}"));

        List<String> errors = List.of("40035", "80100003", "1003");
        for (int i = 0; i < told.size(); i++) {
            Addressed one = told.get(i);
            await(one.address() + " parked", Duration.ofSeconds(15),
                    () -> status(one.person(), one.channel()).equals("PARKED"));
            Row row = delivery(one.person(), one.channel());
            assertThat(row.getInteger("attempts")).isOne();
            assertThat(row.getString("last_error")).contains(errors.get(i));
        }
        // the address was not at fault: kept
        assertThat(database.count("SELECT count(*) FROM device WHERE token = ANY($1)",
                (Object) new String[] { told.get(1).address(), told.get(2).address() })).isEqualTo(2);
        assertThat(database.rows("SELECT dingtalk_user_id FROM person WHERE id = $1", told.get(0).person().id()).get(0)
                .getString(0)).isEqualTo(told.get(0).address());
    }

    @Test
    void addressesTheProviderNoLongerKnowsAreDropped() {
        String userId = unique("gone");
        String staleHuawei = unique("hw-stale");
        String liveJPush = unique("jp-live");
        String staleJPush = unique("jp-stale");
        Someone dingTalk = onDingTalk(userId);
        Someone twoPhones = withDevice(PushProvider.HUAWEI, staleHuawei);
        graphQL.call(twoPhones.as(), "mutation($t: String!) { registerDevice(token: $t, platform: ANDROID, provider: JPUSH) "
                + "{ id } }", Map.of("t", liveJPush));
        Someone jpush = withDevice(PushProvider.JPUSH, staleJPush);
        answer(dingTalkTo(userId), okJson("{\"errcode\":33012,\"errmsg\":\"无效的USERID\"}"));
        answer(huaweiTo(staleHuawei), okJson("{\"code\":\"80300007\",\"msg\":\"All the tokens are invalid\"}"));
        answer(jpushTo(staleJPush), json(400, "{\"error\":{\"code\":1011,\"message\":\"cannot find user by this audience\"}}"));

        tell(dingTalk, "TEST_GONE", "g");
        tell(twoPhones, "TEST_GONE", "g");
        tell(jpush, "TEST_GONE", "g");

        // DingTalk no longer knows the user id: it is taken from the person, the notice parked with the reason
        await("the DingTalk id dropped", Duration.ofSeconds(15), () -> status(dingTalk, "DINGTALK").equals("PARKED"));
        assertThat(delivery(dingTalk, "DINGTALK").getString("last_error")).contains("33012").contains("removed");
        assertThat(database.rows("SELECT dingtalk_user_id FROM person WHERE id = $1", dingTalk.id()).get(0).getString(0))
                .isNull();
        // a push token the provider calls invalid: the device is deleted, the person's other phone still reached
        await("the Huawei device dropped", Duration.ofSeconds(15), () -> status(twoPhones, "PUSH").equals("SENT"));
        assertThat(database.count("SELECT count(*) FROM device WHERE token = $1", staleHuawei)).isZero();
        assertThat(delivery(twoPhones, "PUSH").getArrayOfStrings("delivered_to")).containsExactly(liveJPush);
        await("the JPush device dropped", Duration.ofSeconds(15),
                () -> database.count("SELECT count(*) FROM device WHERE token = $1", staleJPush) == 0);
        await("the push settled", Duration.ofSeconds(15), () -> !status(jpush, "PUSH").equals("PENDING"));
        // later notifications no longer try the dropped addresses
        tell(dingTalk, "TEST_GONE_AFTER", "a");
        assertThat(channels(dingTalk)).doesNotContain("DINGTALK:PENDING");
    }

    @Test
    void onlyTheReplicaStillHoldingTheClaimMarksTheDelivery() throws Exception {
        String userId = unique("claim");
        Someone person = onDingTalk(userId);
        // the first try is answered late (after its claim has lapsed) and badly; any later one at once and well
        ProviderStandIns.server().stubFor(dingTalkTo(userId).inScenario(userId).whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("answered").willReturn(okJson("{\"errcode\":-1,\"errmsg\":\"系统繁忙\"}")
                        .withFixedDelay(4000)));
        ProviderStandIns.server().stubFor(dingTalkTo(userId).inScenario(userId).whenScenarioStateIs("answered")
                .willReturn(okJson("{\"errcode\":0}")));
        worker.stop();
        await("the scheduled pass under way to finish", Duration.ofSeconds(30), worker::isIdle);
        try {
            tell(person, "TEST_CLAIM_HELD", "h");
            // a slow replica claims for a second and sends
            List<DeliveryWorker.Claimed> slow = worker.claim(1000, Duration.ofSeconds(1)).await().indefinitely()
                    .stream().filter(claimed -> claimed.personId().equals(person.id())).toList();
            assertThat(slow).extracting(DeliveryWorker.Claimed::channel).contains(NotificationChannel.DINGTALK);
            CompletableFuture<Integer> slowPass = worker.deliver(slow).subscribeAsCompletionStage();
            await("the slow replica's request", Duration.ofSeconds(10), () -> dingTalkSeen(userId).size() == 1);
            Thread.sleep(1500);
            // its claim has lapsed: another replica takes the delivery, sends it and marks it sent
            worker.deliverDue().await().atMost(Duration.ofSeconds(30));
            assertThat(status(person, "DINGTALK")).isEqualTo("SENT");
            // the slow replica's failure comes too late to mark anything
            slowPass.get(30, TimeUnit.SECONDS);
        } finally {
            worker.start();
        }
        Row row = delivery(person, "DINGTALK");
        assertThat(row.getString("status")).isEqualTo("SENT");
        assertThat(row.getInteger("attempts")).isZero();
        assertThat(row.getString("last_error")).isNull();
        assertThat(dingTalkSeen(userId)).hasSize(2);
    }
}
