package io.dayuan.visits;

import static io.dayuan.GraphQL.errorCode;
import static io.dayuan.visits.VisitFixtures.inHours;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.Demo;
import io.dayuan.SqlStatements;
import io.dayuan.visits.VisitFixtures.Staff;
import io.dayuan.visits.service.HostNotices;
import io.quarkus.vertx.VertxContextSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class VisitApiTest extends VisitTestBase {

    private static final String APPROVE = "mutation($id: ID!) { approveVisit(id: $id) { id status } }";
    private static final String REJECT = "mutation($id: ID!, $r: String) { rejectVisit(id: $id, reason: $r) { id status rejectReason } }";
    private static final String CANCEL = "mutation($id: ID!) { cancelVisit(id: $id, reason: \"改期\") { id status } }";
    private static final String MY_VISITS = "{ myVisits { id status visitorName host { name } } }";
    private static final String EXPECTED = "query($s: ID!, $d: Date!) { expectedVisits(siteId: $s, date: $d) { "
            + "id status visitorName deviceState host { name } } }";

    @Inject
    HostNotices notices;

    // ------------------------------------------------------------------ inviteVisitor

    @Test
    void aStaffHostsInvitationIsApprovedAtOnceAndTheVisitorGetsATextWithTheirLink() {
        String site = fixtures.site();
        Staff host = fixtures.staff();
        Map<String, Object> input = fixtures.invitation(site);
        input.put("visitorPhone", "139 1234 5678");
        input.put("plate", "粤b·d12345");
        input.put("visitorIdCard", "11010519491231002x");
        input.put("companionNames", List.of("王五"));
        input.put("companionCount", 2);
        input.put("purpose", "送材料");

        JsonPath visit = fixtures.invited(host.as(), input);

        assertThat(visit.getString("status")).isEqualTo("APPROVED");
        assertThat(visit.getString("visitorPhone")).isEqualTo("+8613912345678");
        assertThat(visit.getString("plate")).isEqualTo("粤BD12345");
        assertThat(visit.getString("idCardLast4")).isEqualTo("002X");
        assertThat(visit.getList("companionNames")).containsExactly("王五");
        assertThat(visit.getInt("companionCount")).isEqualTo(2);
        assertThat(visit.getString("host.name")).startsWith("接待人");
        assertThat(visit.getString("visitorToken")).hasSizeGreaterThanOrEqualTo(43);
        UUID id = UUID.fromString(visit.getString("id"));
        var row = database.rows("SELECT token_hash, id_card_hash, host_id FROM visit WHERE id = $1", id).get(0);
        assertThat(row.getString("token_hash")).isNotEqualTo(visit.getString("visitorToken"));
        assertThat(row.getString("id_card_hash")).hasSize(64).doesNotContain("110105");
        assertThat(fixtures.tokenFromText(id.toString())).isEqualTo(visit.getString("visitorToken"));
        assertThat(database.count("SELECT count(*) FROM visitor_message WHERE visit_id = $1 AND phone = $2", id,
                "+8613912345678")).isEqualTo(1);
    }

    @Test
    void badInvitationsNameTheFieldAndWriteNothing() {
        String site = fixtures.site();
        Staff host = fixtures.staff();
        Map<String, Map.Entry<Object, String>> cases = new HashMap<>();
        cases.put("visitorPhone", Map.entry("12345", "visitorPhone"));
        cases.put("plate", Map.entry("京A1234", "plate"));
        cases.put("visitorIdCard", Map.entry("110105194912310021", "visitorIdCard"));
        cases.put("arriveUntil", Map.entry(inHours(1 + 24 * 8).toString(), "arriveUntil"));
        cases.put("arriveFrom", Map.entry(inHours(-3).toString(), "arriveFrom"));
        cases.put("companionCount", Map.entry(0, "companionCount"));
        cases.put("siteId", Map.entry("not-a-site", "siteId"));
        for (var entry : cases.entrySet()) {
            Map<String, Object> input = fixtures.invitation(site);
            input.put("companionNames", List.of("甲"));
            input.put(entry.getKey(), entry.getValue().getKey());
            JsonPath answer = fixtures.invite(host.as(), input);
            assertThat(errorCode(answer)).as(entry.getKey()).isEqualTo("VALIDATION");
            assertThat(answer.getString("errors[0].extensions.field")).as(entry.getKey())
                    .isEqualTo(entry.getValue().getValue());
        }
        Map<String, Object> unknownSite = fixtures.invitation(Demo.UNKNOWN);
        assertThat(errorCode(fixtures.invite(host.as(), unknownSite))).isEqualTo("NOT_FOUND");
        assertThat(database.count("SELECT count(*) FROM visit WHERE site_id = $1", UUID.fromString(site))).isZero();
    }

    @Test
    void newEnergyPlatesAreAccepted() {
        String site = fixtures.site();
        Map<String, Object> input = fixtures.invitation(site);
        input.put("plate", "沪 AD 12345");
        assertThat(fixtures.invited(fixtures.staff().as(), input).getString("plate")).isEqualTo("沪AD12345");
    }

    @Test
    void onlyStaffInvite() {
        Map<String, Object> input = fixtures.invitation(Demo.DEMO_SITE);
        assertThat(errorCode(fixtures.invite(graphQL.as("guard"), input))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(fixtures.invite(graphQL.anonymous(), input))).isEqualTo("UNAUTHENTICATED");
    }

    // ------------------------------------------------------------------ requestVisit

    private Map<String, Object> request(String site, String hostPhone) {
        Map<String, Object> input = fixtures.invitation(site);
        input.put("hostPhone", hostPhone);
        return input;
    }

    @Test
    void aRequestForAKnownHostAndOneForAnUnknownPhoneGetTheSameAnswer() {
        String site = fixtures.site();
        Staff host = fixtures.staff();
        graphQL.call(host.as(), "{ me { id } }");

        JsonPath known = fixtures.request(VisitFixtures.address(), request(site, host.phone()));
        JsonPath unknown = fixtures.request(VisitFixtures.address(), request(site, VisitFixtures.mobile()));

        assertThat(known.getList("errors")).as(known.prettify()).isNull();
        assertThat(unknown.getList("errors")).isNull();
        Map<String, Object> a = known.getMap("data.requestVisit");
        Map<String, Object> b = unknown.getMap("data.requestVisit");
        assertThat(a.keySet()).isEqualTo(b.keySet());
        assertThat(a.get("status")).isEqualTo("REQUESTED").isEqualTo(b.get("status"));
        assertThat(a.get("host")).isNull();
        assertThat(b.get("host")).isNull();
        assertThat(a.get("deviceState")).isEqualTo(b.get("deviceState"));

        UUID knownId = UUID.fromString((String) a.get("id"));
        UUID unknownId = UUID.fromString((String) b.get("id"));
        assertThat(database.rows("SELECT host_id FROM visit WHERE id = $1", knownId).get(0).getUUID("host_id"))
                .isNotNull();
        assertThat(database.rows("SELECT parked_reason FROM visit WHERE id = $1", unknownId).get(0)
                .getString("parked_reason")).isEqualTo("UNKNOWN_HOST");
        // the host hears of it after the answer, from the host-notice worker; a parked request reaches nobody
        assertThat(hostNotices()).isGreaterThanOrEqualTo(1);
        assertThat(database.count("SELECT count(*) FROM notification n JOIN person p ON p.id = n.person_id "
                + "WHERE p.subject = $1 AND n.kind = 'VISIT_REQUESTED'", host.subject())).isEqualTo(1);
        assertThat(database.count("SELECT count(*) FROM visit WHERE id = $1 AND host_notified_at IS NOT NULL",
                knownId)).isEqualTo(1);
        assertThat(hostNotices()).isZero();
        assertThat(database.count("SELECT count(*) FROM notification n JOIN person p ON p.id = n.person_id "
                + "WHERE p.subject = $1 AND n.kind = 'VISIT_REQUESTED'", host.subject())).isEqualTo(1);
        // both visitors get the same text with their link
        assertThat(fixtures.tokenFromText(knownId.toString())).hasSize(43);
        assertThat(fixtures.tokenFromText(unknownId.toString())).hasSize(43);
        // a parked request is nobody's to approve
        assertThat(errorCode(graphQL.call(graphQL.as("admin"), APPROVE, Map.of("id", unknownId.toString()))))
                .isEqualTo("NOT_FOUND");
    }

    /** Runs the host-notice worker until nothing is left; how many hosts it told. */
    private int hostNotices() {
        try {
            int told = 0;
            for (int batch = VertxContextSupport.subscribeAndAwait(notices::run); batch > 0;
                    batch = VertxContextSupport.subscribeAndAwait(notices::run)) {
                told += batch;
            }
            return told;
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    /** The SQL statements a requestVisit sends, on the tables it reads or writes, and its answer. */
    private List<String> requestStatements(String site, String hostPhone) {
        try (SqlStatements statements = SqlStatements.record()) {
            JsonPath answer = fixtures.request(VisitFixtures.address(), request(site, hostPhone));
            assertThat(answer.getList("errors")).as(answer.prettify()).isNull();
            return statements.touching("visit", "visitor_message", "visit_blocklist", "person", "site",
                    "notification", "notification_delivery", "notification_preference", "device");
        }
    }

    @Test
    void aKnownAndAnUnknownHostPhoneCostTheSameStatementsBeforeTheAnswer() {
        String site = fixtures.site();
        Staff host = fixtures.staff();
        graphQL.call(host.as(), "{ me { id } }");
        requestStatements(site, VisitFixtures.mobile());

        List<String> known = requestStatements(site, host.phone());
        List<String> unknown = requestStatements(site, VisitFixtures.mobile());
        assertThat(known).isNotEmpty().isEqualTo(unknown);
        assertThat(known).noneMatch(sql -> sql.matches("(?is).*\\bnotification\\b.*"));
    }

    @Test
    void requestsAreRateLimitedPerClientAndPerPhone() {
        String site = fixtures.site();
        String client = VisitFixtures.address();
        for (int i = 0; i < 20; i++) {
            assertThat(fixtures.request(client, request(site, VisitFixtures.mobile())).getList("errors")).isNull();
        }
        assertThat(errorCode(fixtures.request(client, request(site, VisitFixtures.mobile()))))
                .isEqualTo("RATE_LIMITED");
        // another client is not affected
        assertThat(fixtures.request(VisitFixtures.address(), request(site, VisitFixtures.mobile()))
                .getList("errors")).isNull();

        String phone = VisitFixtures.mobile();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> input = request(site, VisitFixtures.mobile());
            input.put("visitorPhone", phone);
            assertThat(fixtures.request(VisitFixtures.address(), input).getList("errors")).isNull();
        }
        Map<String, Object> input = request(site, VisitFixtures.mobile());
        input.put("visitorPhone", phone);
        assertThat(errorCode(fixtures.request(VisitFixtures.address(), input))).isEqualTo("RATE_LIMITED");
    }

    @Test
    void theClientLimitCountsTheAddressTheTrustedProxySawNotWhatTheClientWrote() {
        String site = fixtures.site();
        // behind the ingress (loopback is a trusted proxy here) the client is the right-most untrusted hop;
        // whatever the client put to its left changes nothing
        String client = "203.0.113." + java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 255);
        for (int i = 0; i < 20; i++) {
            String forged = "198.51.100." + i + ", " + client;
            assertThat(fixtures.request(forged, request(site, VisitFixtures.mobile())).getList("errors")).isNull();
        }
        assertThat(errorCode(fixtures.request("198.51.100.99," + client + ", 10.0.0.9",
                request(site, VisitFixtures.mobile())))).isEqualTo("RATE_LIMITED");
    }

    @Test
    void badRequestsNameTheField() {
        String site = fixtures.site();
        Map<String, Object> input = request(site, "110");
        JsonPath answer = fixtures.request(VisitFixtures.address(), input);
        assertThat(errorCode(answer)).isEqualTo("VALIDATION");
        assertThat(answer.getString("errors[0].extensions.field")).isEqualTo("hostPhone");
        input = request(site, VisitFixtures.mobile());
        input.put("plate", "XX12345");
        answer = fixtures.request(VisitFixtures.address(), input);
        assertThat(answer.getString("errors[0].extensions.field")).isEqualTo("plate");
        assertThat(database.count("SELECT count(*) FROM visit WHERE site_id = $1", UUID.fromString(site))).isZero();
    }

    // ------------------------------------------------------------------ approve / reject

    private String requested(String site, Staff host) {
        graphQL.call(host.as(), "{ me { id } }");
        return fixtures.request(VisitFixtures.address(), request(site, host.phone())).getString("data.requestVisit.id");
    }

    @Test
    void theHostApprovesAndTheVisitorIsTold() {
        String site = fixtures.site();
        Staff host = fixtures.staff();
        String id = requested(site, host);

        assertThat(errorCode(graphQL.call(fixtures.staff().as(), APPROVE, Map.of("id", id)))).isEqualTo("FORBIDDEN");
        JsonPath approved = graphQL.call(host.as(), APPROVE, Map.of("id", id));
        assertThat(approved.getString("data.approveVisit.status")).isEqualTo("APPROVED");
        assertThat(database.count("SELECT count(*) FROM visitor_message WHERE visit_id = $1 AND kind = 'VISIT_APPROVED'",
                UUID.fromString(id))).isEqualTo(1);
        assertThat(errorCode(graphQL.call(host.as(), APPROVE, Map.of("id", id)))).isEqualTo("CONFLICT");
    }

    @Test
    void anAdminRejectsAndTheVisitorIsTold() {
        String site = fixtures.site();
        String id = requested(site, fixtures.staff());
        JsonPath rejected = graphQL.call(graphQL.as("admin"), REJECT, Map.of("id", id, "r", "无接待安排"));
        assertThat(rejected.getString("data.rejectVisit.status")).isEqualTo("REJECTED");
        assertThat(rejected.getString("data.rejectVisit.rejectReason")).isEqualTo("无接待安排");
        assertThat(database.count("SELECT count(*) FROM visitor_message WHERE visit_id = $1 AND kind = 'VISIT_REJECTED'",
                UUID.fromString(id))).isEqualTo(1);
    }

    @Test
    void decisionsNeedAKnownVisitAndARole() {
        assertThat(errorCode(graphQL.call(graphQL.as("admin"), APPROVE, Map.of("id", Demo.UNKNOWN))))
                .isEqualTo("NOT_FOUND");
        JsonPath malformed = graphQL.call(graphQL.as("admin"), REJECT, Map.of("id", "visit-1"));
        assertThat(errorCode(malformed)).isEqualTo("VALIDATION");
        assertThat(malformed.getString("errors[0].extensions.field")).isEqualTo("id");
        assertThat(errorCode(graphQL.call(graphQL.as("guard"), APPROVE, Map.of("id", Demo.UNKNOWN))))
                .isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), REJECT, Map.of("id", Demo.UNKNOWN))))
                .isEqualTo("UNAUTHENTICATED");
    }

    // ------------------------------------------------------------------ lists

    @Test
    void myVisitsListsWhatTheCallerHosts() {
        String site = fixtures.site();
        Staff host = fixtures.staff();
        String id = fixtures.invited(host.as(), fixtures.invitation(site)).getString("id");
        fixtures.invited(fixtures.staff().as(), fixtures.invitation(site));
        JsonPath mine = graphQL.call(host.as(), MY_VISITS);
        assertThat(mine.getList("data.myVisits.id")).containsExactly(id);
        assertThat(errorCode(graphQL.call(graphQL.as("guard"), MY_VISITS))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), MY_VISITS))).isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(graphQL.call(host.as(), "{ myVisits(first: 0) { id } }"))).isEqualTo("VALIDATION");
    }

    @Test
    void myVisitsPagesNewestFirstWithACursor() {
        String site = fixtures.site();
        Staff host = fixtures.staff();
        String[] ids = new String[3];
        // one instant for the two that arrive together: two calls of inHours(2) differ by milliseconds
        String inTwoHours = inHours(2).toString();
        String[] arrivals = { inHours(3).toString(), inTwoHours, inTwoHours };
        for (int i = 0; i < 3; i++) {
            Map<String, Object> input = fixtures.invitation(site);
            input.put("arriveFrom", arrivals[i]);
            input.put("arriveUntil", inHours(5).toString());
            ids[i] = fixtures.invited(host.as(), input).getString("id");
        }
        String page = "query($f: Int!, $a: String) { myVisits(first: $f, after: $a) { id arriveFrom cursor } }";
        JsonPath first = graphQL.call(host.as(), page, map("f", 2, "a", null));
        List<String> firstIds = first.getList("data.myVisits.id");
        assertThat(firstIds).hasSize(2);
        // newest arrival first; the two arriving together in id order
        assertThat(firstIds.get(0)).isEqualTo(ids[0]);
        String tieFirst = ids[1].compareTo(ids[2]) < 0 ? ids[1] : ids[2];
        String tieSecond = tieFirst.equals(ids[1]) ? ids[2] : ids[1];
        assertThat(firstIds.get(1)).isEqualTo(tieFirst);
        String cursor = first.getString("data.myVisits[1].cursor");
        assertThat(cursor).isNotBlank().doesNotContain(ids[1]).doesNotContain(ids[2]);

        JsonPath second = graphQL.call(host.as(), page, map("f", 2, "a", cursor));
        assertThat(second.getList("errors")).as(second.prettify()).isNull();
        assertThat(second.getList("data.myVisits.id")).containsExactly(tieSecond);
        JsonPath end = graphQL.call(host.as(), page, map("f", 2, "a", second.getString("data.myVisits[0].cursor")));
        assertThat(end.getList("data.myVisits")).isEmpty();
        // one page of all three gives the same order
        assertThat(graphQL.call(host.as(), page, map("f", 10, "a", null)).getList("data.myVisits.id"))
                .containsExactly(ids[0], tieFirst, tieSecond);

        for (String bad : List.of("not a cursor!", "bm9waXBl", java.util.Base64.getUrlEncoder()
                .encodeToString("2026-01-01T00:00:00Z|nope".getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
            JsonPath malformed = graphQL.call(host.as(), page, map("f", 2, "a", bad));
            assertThat(errorCode(malformed)).as(bad).isEqualTo("VALIDATION");
            assertThat(malformed.getString("errors[0].extensions.field")).isEqualTo("after");
        }
    }

    private static Map<String, Object> map(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new HashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    @Test
    void guardsSeeTheDaysExpectedVisitsWithTheirDeviceState() {
        String site = fixtures.site();
        Map<String, Object> input = fixtures.invitation(site);
        String id = fixtures.invited(fixtures.staff().as(), input).getString("id");
        String date = inHours(1).atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
        JsonPath expected = graphQL.call(graphQL.as("guard"), EXPECTED, Map.of("s", site, "d", date));
        assertThat(expected.getList("data.expectedVisits.id")).contains(id);
        assertThat(expected.getList("data.expectedVisits.deviceState")).containsOnly("NONE");
        assertThat(errorCode(graphQL.call(graphQL.as("staff"), EXPECTED, Map.of("s", site, "d", date))))
                .isEqualTo("FORBIDDEN");
        JsonPath badDate = graphQL.call(graphQL.as("admin"), EXPECTED, Map.of("s", site, "d", "tomorrow"));
        assertThat(errorCode(badDate)).isEqualTo("VALIDATION");
        assertThat(errorCode(graphQL.call(graphQL.as("admin"), EXPECTED, Map.of("s", Demo.UNKNOWN, "d", date))))
                .isEqualTo("NOT_FOUND");
    }

    // ------------------------------------------------------------------ cancelling and the visitor's link

    @Test
    void theHostCancelsAndTheVisitorIsTold() {
        Staff host = fixtures.staff();
        String id = fixtures.invited(host.as(), fixtures.invitation(fixtures.site())).getString("id");
        assertThat(errorCode(graphQL.call(fixtures.staff().as(), CANCEL, Map.of("id", id)))).isEqualTo("FORBIDDEN");
        assertThat(graphQL.call(host.as(), CANCEL, Map.of("id", id)).getString("data.cancelVisit.status"))
                .isEqualTo("CANCELLED");
        assertThat(database.count("SELECT count(*) FROM visitor_message WHERE visit_id = $1 AND kind = 'VISIT_CANCELLED'",
                UUID.fromString(id))).isEqualTo(1);
        assertThat(errorCode(graphQL.call(host.as(), CANCEL, Map.of("id", id)))).isEqualTo("CONFLICT");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), CANCEL, Map.of("id", id))))
                .isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void theVisitorSeesAndCancelsTheirVisitWithTheLinkAlone() {
        Staff host = fixtures.staff();
        JsonPath visit = fixtures.invited(host.as(), fixtures.invitation(fixtures.site()));
        String token = visit.getString("visitorToken");
        JsonPath seen = graphQL.call(graphQL.anonymous(),
                "query($t: String!) { visitorVisit(token: $t) { id status visitorName host { name } visitorToken } }",
                Map.of("t", token));
        assertThat(seen.getString("data.visitorVisit.id")).isEqualTo(visit.getString("id"));
        assertThat(seen.getString("data.visitorVisit.host")).isNull();
        assertThat(seen.getString("data.visitorVisit.visitorToken")).isNull();
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), "query($t: String!) { visitorVisit(token: $t) { id } }",
                Map.of("t", token + "x")))).isEqualTo("NOT_FOUND");

        JsonPath cancelled = graphQL.call(graphQL.anonymous(),
                "mutation($t: String!) { cancelVisitAsVisitor(token: $t) { status } }", Map.of("t", token));
        assertThat(cancelled.getString("data.cancelVisitAsVisitor.status")).isEqualTo("CANCELLED");
        assertThat(database.count("SELECT count(*) FROM notification n JOIN person p ON p.id = n.person_id "
                + "WHERE p.subject = $1 AND n.kind = 'VISIT_CANCELLED'", host.subject())).isEqualTo(1);
        assertThat(errorCode(graphQL.call(graphQL.anonymous(),
                "mutation($t: String!) { cancelVisitAsVisitor(token: $t) { status } }", Map.of("t", token))))
                .isEqualTo("CONFLICT");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(),
                "mutation { cancelVisitAsVisitor(token: \"nope\") { status } }"))).isEqualTo("NOT_FOUND");
    }

    @Test
    void consentIsRecordedWithItsTimeAndVersion() {
        String token = fixtures.invited(fixtures.staff().as(), fixtures.invitation(fixtures.site()))
                .getString("visitorToken");
        String consent = "mutation($t: String!, $v: String!) { giveFaceConsent(token: $t, consentTextVersion: $v) "
                + "{ id faceConsentAt faceConsentVersion } }";
        JsonPath given = graphQL.call(graphQL.anonymous(), consent, Map.of("t", token, "v", "2026-01"));
        assertThat(given.getString("data.giveFaceConsent.faceConsentVersion")).isEqualTo("2026-01");
        assertThat(given.getString("data.giveFaceConsent.faceConsentAt")).isNotNull();
        JsonPath blank = graphQL.call(graphQL.anonymous(), consent, Map.of("t", token, "v", " "));
        assertThat(errorCode(blank)).isEqualTo("VALIDATION");
        assertThat(blank.getString("errors[0].extensions.field")).isEqualTo("consentTextVersion");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), consent, Map.of("t", "x", "v", "1"))))
                .isEqualTo("NOT_FOUND");
        JsonPath withdrawn = graphQL.call(graphQL.anonymous(),
                "mutation($t: String!) { withdrawFaceConsent(token: $t) { faceConsentAt } }", Map.of("t", token));
        assertThat(withdrawn.getList("errors")).isNull();
        assertThat(withdrawn.getString("data.withdrawFaceConsent.faceConsentAt")).isNull();
    }

    @Test
    void theVisitorsTextsGiveTheWindowInTheSitesTimeZone() {
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        String site = graphQL.call(graphQL.as("admin"),
                "mutation($n: String!) { createSite(input: {name: $n, timeZone: \"Europe/Berlin\"}) { id } }",
                Map.of("n", "柏林院区 " + UUID.randomUUID())).getString("data.createSite.id");
        Staff host = fixtures.staff();
        Map<String, Object> input = fixtures.invitation(site);
        java.time.OffsetDateTime from = java.time.OffsetDateTime.parse((String) input.get("arriveFrom"));
        java.time.OffsetDateTime until = java.time.OffsetDateTime.parse((String) input.get("arriveUntil"));
        String inBerlin = localTime(from, berlin) + " – " + localTime(until, berlin);
        String inShanghai = localTime(from, java.time.ZoneId.of("Asia/Shanghai"));

        UUID id = UUID.fromString(fixtures.invited(host.as(), input).getString("id"));
        JsonPath cancelled = graphQL.call(host.as(), CANCEL, Map.of("id", id.toString()));

        assertThat(cancelled.getString("data.cancelVisit.status")).as(cancelled.prettify()).isEqualTo("CANCELLED");
        for (String kind : List.of("VISIT_INVITED", "VISIT_CANCELLED")) {
            String text = database.rows("SELECT body FROM visitor_message WHERE visit_id = $1 AND kind = $2", id,
                    kind).get(0).getString("body");
            assertThat(text).as(kind).contains(inBerlin).doesNotContain(inShanghai);
        }
    }

    private static String localTime(java.time.OffsetDateTime time, java.time.ZoneId zone) {
        return time.atZoneSameInstant(zone).toLocalDateTime().toString().replace('T', ' ');
    }
}
