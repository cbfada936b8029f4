package io.dayuan.emergency;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.dayuan.notifications.NotificationFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.dayuan.Database;
import io.dayuan.GraphQL;
import io.dayuan.notifications.NotificationFixtures;
import io.dayuan.notifications.NotificationFixtures.Someone;
import io.dayuan.notifications.ProviderStandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * broadcastEmergency and emergencyBroadcasts, with every channel and the DingTalk group robot sending to the
 * stand-in: the robot's signed request, every person of the site on every channel at once whatever their quiet hours
 * and choices, the log, the rate limit, bad input and roles.
 */
@QuarkusTest
@TestProfile(ProviderStandIns.Profile.class)
class EmergencyBroadcastTest {

    private static final String BROADCAST = "mutation($input: EmergencyInput!) { broadcastEmergency(input: $input) "
            + "{ id title body recipients groupStatus groupError sentAt sentBy { id } site { id } } }";
    private static final String LOG = "query($s: ID, $f: Int) { emergencyBroadcasts(siteId: $s, first: $f) "
            + "{ id title recipients groupStatus sentBy { id } site { id } } }";

    @Inject
    GraphQL graphQL;

    @Inject
    NotificationFixtures fixtures;

    @Inject
    Database database;

    private String site() {
        return graphQL.call(graphQL.as("admin"), "mutation($input: NewSiteInput!) { createSite(input: $input) { id } }",
                Map.of("input", Map.of("name", "应急测试 " + UUID.randomUUID()))).getString("data.createSite.id");
    }

    private Someone at(String siteId) {
        Someone person = fixtures.someone(null, "staff");
        graphQL.call(graphQL.as("admin"), "mutation($p: ID!, $s: ID) { setPersonSite(personId: $p, siteId: $s) { id } }",
                Map.of("p", person.id().toString(), "s", siteId));
        return person;
    }

    private static Map<String, Object> input(String siteId, String title, String body) {
        Map<String, Object> input = new HashMap<>();
        input.put("siteId", siteId);
        input.put("title", title);
        input.put("body", body);
        return Map.of("input", input);
    }

    private JsonPath broadcast(GraphQL.As as, String siteId, String title, String body) {
        return graphQL.call(as, BROADCAST, input(siteId, title, body));
    }

    private static List<LoggedRequest> seen(String path, String jsonPath, String value) {
        return ProviderStandIns.server().findAll(postRequestedFor(urlPathEqualTo(path))
                .withRequestBody(matchingJsonPath(jsonPath, equalTo(value))));
    }

    private static String sign(long timestamp) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(ProviderStandIns.ROBOT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "\n" + ProviderStandIns.ROBOT_SECRET)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private long broadcastsOf(String siteId) {
        return database.count("SELECT count(*) FROM emergency_broadcast WHERE site_id = $1", UUID.fromString(siteId));
    }

    @Test
    void aBroadcastReachesTheGroupRobotAndEveryPersonOfTheSiteOnEveryChannelAtOnce() throws Exception {
        String siteId = site();
        String otherSite = site();
        String title = "防汛紧急通知 " + UUID.randomUUID();
        GraphQL.As admin = graphQL.as("admin");
        String adminId = graphQL.call(admin, "{ me { id } }").getString("data.me.id");
        // one person in quiet hours, wanting only the inbox for emergencies, on DingTalk and a Huawei phone
        Someone quiet = at(siteId);
        String userId = "em-" + UUID.randomUUID();
        String huaweiToken = "em-hw-" + UUID.randomUUID();
        graphQL.call(admin, "mutation($p: ID!, $d: String) { setPersonDingTalkId(personId: $p, dingTalkUserId: $d) { id } }",
                Map.of("p", quiet.id().toString(), "d", userId));
        graphQL.call(quiet.as(), "mutation($t: String!) { registerDevice(token: $t, platform: ANDROID, provider: HUAWEI) "
                + "{ id } }", Map.of("t", huaweiToken));
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Shanghai"));
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        graphQL.call(quiet.as(), "mutation($f: String, $u: String) { setQuietHours(from: $f, until: $u) { quietHours "
                + "{ from } } }", Map.of("f", now.minusHours(1).format(hhmm), "u", now.plusHours(2).format(hhmm)));
        graphQL.call(quiet.as(), "mutation { setNotificationChannels(kind: \"EMERGENCY\", channels: [IN_APP]) "
                + "{ defaultChannels } }");
        // another with a JPush phone; a third at another site
        Someone second = at(siteId);
        String jpushId = "em-jp-" + UUID.randomUUID();
        graphQL.call(second.as(), "mutation($t: String!) { registerDevice(token: $t, platform: ANDROID, provider: JPUSH) "
                + "{ id } }", Map.of("t", jpushId));
        Someone elsewhere = at(otherSite);

        long before = System.currentTimeMillis();
        JsonPath sent = broadcast(admin, siteId, title, "今晚有暴雨，请各村值班");
        long after = System.currentTimeMillis();

        assertThat(sent.getList("errors")).isNull();
        assertThat(sent.getString("data.broadcastEmergency.title")).isEqualTo(title);
        assertThat(sent.getInt("data.broadcastEmergency.recipients")).isEqualTo(2);
        assertThat(sent.getString("data.broadcastEmergency.groupStatus")).isEqualTo("SENT");
        assertThat(sent.getString("data.broadcastEmergency.sentBy.id")).isEqualTo(adminId);
        assertThat(sent.getString("data.broadcastEmergency.site.id")).isEqualTo(siteId);
        // the group robot: webhook with the signed timestamp, a markdown message to everyone
        LoggedRequest robot = seen(ProviderStandIns.ROBOT, "$.markdown.title", title).get(0);
        assertThat(robot.queryParameter("access_token").firstValue()).isEqualTo("robot-token");
        long timestamp = Long.parseLong(robot.queryParameter("timestamp").firstValue());
        assertThat(timestamp).isBetween(before, after);
        assertThat(robot.queryParameter("sign").firstValue()).isEqualTo(sign(timestamp));
        assertThat(robot.getBodyAsString()).contains("\"isAtAll\":true").contains("今晚有暴雨");
        // every channel of every person of the site, quiet hours and choices notwithstanding
        await("the work notice", Duration.ofSeconds(15),
                () -> seen(ProviderStandIns.DINGTALK_SEND, "$.userid_list", userId).size() == 1);
        await("the Huawei push", Duration.ofSeconds(15),
                () -> seen(ProviderStandIns.HUAWEI_SEND, "$.message.token[0]", huaweiToken).size() == 1);
        await("the JPush push", Duration.ofSeconds(15),
                () -> seen(ProviderStandIns.JPUSH_SEND, "$.audience.registration_id[0]", jpushId).size() == 1);
        for (Someone person : List.of(quiet, second)) {
            await("the SMS to " + person.phone(), Duration.ofSeconds(15),
                    () -> seen(ProviderStandIns.SMS, "$.to", person.phone()).size() == 1);
        }
        String deliveries = "SELECT d.channel || ':' || d.status FROM notification_delivery d JOIN notification n "
                + "ON n.id = d.notification_id WHERE d.person_id = $1 AND n.title = $2 ORDER BY 1";
        await("all marked sent", Duration.ofSeconds(15), () -> database.rows(deliveries, quiet.id(), title).stream()
                .allMatch(row -> row.getString(0).endsWith(":SENT")));
        assertThat(database.rows(deliveries, quiet.id(), title)).extracting(row -> row.getString(0))
                .containsExactly("DINGTALK:SENT", "IN_APP:SENT", "PUSH:SENT", "SMS:SENT");
        assertThat(seen(ProviderStandIns.SMS, "$.to", quiet.phone()).get(0).getBodyAsString()).contains(title);
        assertThat(database.rows(deliveries, elsewhere.id(), title)).isEmpty();
        // the log, with who sent it
        JsonPath log = graphQL.call(admin, LOG, Map.of("s", siteId));
        assertThat(log.getList("data.emergencyBroadcasts.title")).containsExactly(title);
        assertThat(log.getString("data.emergencyBroadcasts[0].sentBy.id")).isEqualTo(adminId);
        assertThat(log.getString("data.emergencyBroadcasts[0].groupStatus")).isEqualTo("SENT");
    }

    @Test
    void aGroupRobotThatRefusesIsLoggedAsFailedWhileThePeopleStillGetIt() {
        String siteId = site();
        Someone person = at(siteId);
        String title = "robot refuses " + UUID.randomUUID();
        ProviderStandIns.server().stubFor(post(urlPathEqualTo(ProviderStandIns.ROBOT))
                .withRequestBody(matchingJsonPath("$.markdown.title", equalTo(title)))
                .willReturn(okJson("{\"errcode\":310000,\"errmsg\":\"sign not match\"}")));

        JsonPath sent = broadcast(graphQL.as("admin"), siteId, title, "正文");

        assertThat(sent.getString("data.broadcastEmergency.groupStatus")).isEqualTo("FAILED");
        assertThat(sent.getString("data.broadcastEmergency.groupError")).contains("310000");
        // refused for good: not tried again
        assertThat(seen(ProviderStandIns.ROBOT, "$.markdown.title", title)).hasSize(1);
        await("the SMS", Duration.ofSeconds(15), () -> seen(ProviderStandIns.SMS, "$.to", person.phone()).size() == 1);
    }

    @Test
    void badInputIsValidationNamingTheFieldAndNothingIsSent() {
        String siteId = site();
        at(siteId);
        GraphQL.As admin = graphQL.as("admin");
        Map<String, JsonPath> answers = new HashMap<>();
        answers.put("title", broadcast(admin, siteId, "  ", "正文"));
        answers.put("body", broadcast(admin, siteId, "标题", "x".repeat(2001)));
        answers.put("siteId", broadcast(admin, "not-a-site", "标题", "正文"));
        answers.forEach((field, answer) -> {
            assertThat(GraphQL.errorCode(answer)).as(field).isEqualTo("VALIDATION");
            assertThat(answer.getString("errors[0].extensions.field")).isEqualTo(field);
        });
        assertThat(GraphQL.errorCode(broadcast(admin, siteId, "t".repeat(101), "正文"))).isEqualTo("VALIDATION");
        assertThat(GraphQL.errorCode(broadcast(admin, UUID.randomUUID().toString(), "标题", "正文"))).isEqualTo("NOT_FOUND");
        assertThat(broadcastsOf(siteId)).isZero();
        assertThat(database.count("SELECT count(*) FROM notification n JOIN person p ON p.id = n.person_id "
                + "WHERE p.site_id = $1", UUID.fromString(siteId))).isZero();

        JsonPath badFirst = graphQL.call(admin, LOG, Map.of("s", siteId, "f", 0));
        assertThat(GraphQL.errorCode(badFirst)).isEqualTo("VALIDATION");
        assertThat(badFirst.getString("errors[0].extensions.field")).isEqualTo("first");
        JsonPath badSite = graphQL.call(admin, LOG, Map.of("s", "nope"));
        assertThat(badSite.getString("errors[0].extensions.field")).isEqualTo("siteId");
    }

    @Test
    void onlyAdminsBroadcastOrReadTheLog() {
        String siteId = site();
        at(siteId);
        for (GraphQL.As caller : List.of(graphQL.as("staff"), graphQL.as("guard"), graphQL.as("facilities"))) {
            assertThat(GraphQL.errorCode(broadcast(caller, siteId, "标题", "正文"))).isEqualTo("FORBIDDEN");
            assertThat(GraphQL.errorCode(graphQL.call(caller, LOG, Map.of("s", siteId)))).isEqualTo("FORBIDDEN");
        }
        assertThat(GraphQL.errorCode(broadcast(graphQL.anonymous(), siteId, "标题", "正文"))).isEqualTo("UNAUTHENTICATED");
        assertThat(GraphQL.errorCode(graphQL.call(graphQL.anonymous(), LOG, Map.of()))).isEqualTo("UNAUTHENTICATED");
        assertThat(broadcastsOf(siteId)).isZero();
    }

    @Test
    void broadcastsAtTheSameMomentCannotTogetherPassTheLimit() throws Exception {
        String siteId = site();
        GraphQL.As admin = graphQL.as("admin");
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<JsonPath>> answers = pool.invokeAll(IntStream.rangeClosed(1, 5)
                    .mapToObj(i -> (Callable<JsonPath>) () -> broadcast(admin, siteId, "同时 " + i, "正文")).toList());
            List<String> codes = new ArrayList<>();
            for (Future<JsonPath> answer : answers) {
                codes.add(String.valueOf(GraphQL.errorCode(answer.get())));
            }
            assertThat(codes).containsExactlyInAnyOrder("null", "null", "null", "RATE_LIMITED", "RATE_LIMITED");
        } finally {
            pool.shutdown();
        }
        assertThat(broadcastsOf(siteId)).isEqualTo(3);
    }

    @Test
    void aSiteGetsAtMostTheLimitInTheWindowSoAMistakeCannotFloodPhones() {
        String siteId = site();
        String otherSite = site();
        GraphQL.As admin = graphQL.as("admin");
        for (int i = 1; i <= 3; i++) {
            assertThat(broadcast(admin, siteId, "演练 " + i, "正文").getList("errors")).isNull();
        }

        JsonPath fourth = broadcast(admin, siteId, "演练 4", "正文");

        assertThat(GraphQL.errorCode(fourth)).isEqualTo("RATE_LIMITED");
        assertThat(broadcastsOf(siteId)).isEqualTo(3);
        assertThat(graphQL.call(admin, LOG, Map.of("s", siteId)).getList("data.emergencyBroadcasts.title"))
                .containsExactly("演练 3", "演练 2", "演练 1");
        // the limit is per site
        assertThat(broadcast(admin, otherSite, "演练 1", "正文").getList("errors")).isNull();
    }
}
