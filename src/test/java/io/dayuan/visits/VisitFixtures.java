package io.dayuan.visits;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.Database;
import io.dayuan.GraphQL;
import io.dayuan.GraphQL.As;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Sites, gates, people and visits for the visits tests; each call makes new ones. */
@ApplicationScoped
public class VisitFixtures {

    public static final String VISIT_FIELDS = "id status visitorName visitorPhone plate arriveFrom arriveUntil "
            + "companionNames companionCount idCardLast4 purpose host { id name } deviceState faceEnrolled";

    public static final String INVITE = "mutation($i: InvitationInput!) { inviteVisitor(input: $i) { "
            + VISIT_FIELDS + " visitorToken } }";

    public static final String REQUEST = "mutation($i: VisitRequestInput!) { requestVisit(input: $i) { "
            + VISIT_FIELDS + " } }";

    @Inject
    GraphQL graphQL;

    @Inject
    Database database;

    public static String mobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    public static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    public static OffsetDateTime inHours(long hours) {
        return OffsetDateTime.now(ZoneOffset.UTC).plusHours(hours).truncatedTo(ChronoUnit.SECONDS);
    }

    public String site() {
        return graphQL.call(graphQL.as("admin"), "mutation($n: String!) { createSite(input: {name: $n}) { id } }",
                Map.of("n", "访客院区 " + UUID.randomUUID())).getString("data.createSite.id");
    }

    public String gate(String site) {
        return graphQL.call(graphQL.as("admin"),
                "mutation($s: ID!, $n: String!) { createGate(input: {siteId: $s, name: $n, kind: BOTH}) { id } }",
                Map.of("s", site, "n", "门 " + UUID.randomUUID())).getString("data.createGate.id");
    }

    /** The input of registerAccessDevice: a Hikvision face terminal at the gate. */
    public static Map<String, Object> device(String gate) {
        Map<String, Object> input = new HashMap<>();
        input.put("gateId", gate);
        input.put("name", "人脸机");
        input.put("kind", "FACE_TERMINAL");
        input.put("vendor", "HIKVISION");
        input.put("baseUrl", "http://192.168.1.64");
        input.put("username", "admin");
        input.put("password", "Hik12345");
        input.put("serialNumber", "DS-K1T671-" + UUID.randomUUID());
        return input;
    }

    /** A staff member with a phone of their own, as a caller. */
    public record Staff(As as, String phone, String subject) {
    }

    public Staff staff() {
        String phone = mobile();
        String subject = "host-" + UUID.randomUUID();
        return new Staff(graphQL.person(subject, "接待人" + subject.substring(5, 9), "+86" + phone, null, "staff"),
                phone, subject);
    }

    public Map<String, Object> invitation(String site) {
        Map<String, Object> input = new HashMap<>();
        input.put("siteId", site);
        input.put("visitorName", "访客" + UUID.randomUUID().toString().substring(0, 6));
        input.put("visitorPhone", mobile());
        input.put("arriveFrom", inHours(1).toString());
        input.put("arriveUntil", inHours(4).toString());
        return input;
    }

    public JsonPath invite(As host, Map<String, Object> input) {
        return graphQL.call(host, INVITE, Map.of("i", input));
    }

    /** Invites and returns the answer's visit, asserting there was no error. */
    public JsonPath invited(As host, Map<String, Object> input) {
        JsonPath answer = invite(host, input);
        assertThat(answer.getList("errors")).as(answer.prettify()).isNull();
        return answer.setRootPath("data.inviteVisitor");
    }

    /** requestVisit without a token, from the given client address. */
    public JsonPath request(String client, Map<String, Object> input) {
        return call(client, REQUEST, Map.of("i", input));
    }

    public JsonPath call(String client, String query, Map<String, Object> variables) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", client)
                .body(Map.of("query", query, "variables", variables)).post("/graphql").then().extract().jsonPath();
    }

    /** The link token of the latest text to the visit's visitor. */
    public String tokenFromText(String visitId) {
        String body = database.rows("SELECT body FROM visitor_message WHERE visit_id = $1 ORDER BY created_at LIMIT 1",
                UUID.fromString(visitId)).get(0).getString("body");
        int start = body.indexOf("/v/") + 3;
        int end = start;
        while (end < body.length() && (Character.isLetterOrDigit(body.charAt(end)) || body.charAt(end) == '-'
                || body.charAt(end) == '_')) {
            end++;
        }
        return body.substring(start, end);
    }
}
