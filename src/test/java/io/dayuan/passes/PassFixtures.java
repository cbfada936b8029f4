package io.dayuan.passes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.GraphQL;
import io.dayuan.GraphQL.As;
import io.dayuan.passes.code.PassCode;
import io.dayuan.passes.code.PassCodec;
import io.dayuan.passes.code.PassCodes;
import io.dayuan.passes.code.SiteTags;
import io.restassured.path.json.JsonPath;

/** Sites with gates, passes and scans for the pass tests. */
@ApplicationScoped
public class PassFixtures {

    public static final String PASS_FIELDS = "id kind holderName plate validFrom validUntil status code admitOnce personal";

    public static final String ISSUE = """
            mutation($i: NewPassInput!) { issuePass(input: $i) { %s } }""".formatted(PASS_FIELDS);

    public static final String SCAN = """
            mutation($c: String!, $g: ID!, $d: Direction!) {
              scanPass(input: {code: $c, gateId: $g, direction: $d}) { decision reason scanId pass { id holderName kind plate } }
            }""";

    @Inject
    GraphQL graphQL;

    @Inject
    PassCodes codes;

    public final As admin() {
        return graphQL.as("admin");
    }

    /** A new site with two gates; returns [siteId, gateA, gateB]. */
    public String[] site() {
        As admin = admin();
        String site = graphQL.call(admin, "mutation($n: String!) { createSite(input: {name: $n}) { id } }",
                Map.of("n", "通行证测试 " + UUID.randomUUID())).getString("data.createSite.id");
        String a = graphQL.call(admin, "mutation($s: ID!) { createGate(input: {siteId: $s, name: \"北门\", kind: BOTH}) { id } }",
                Map.of("s", site)).getString("data.createGate.id");
        String b = graphQL.call(admin, "mutation($s: ID!) { createGate(input: {siteId: $s, name: \"西门\", kind: BOTH}) { id } }",
                Map.of("s", site)).getString("data.createGate.id");
        return new String[] { site, a, b };
    }

    public static Map<String, Object> input(String kind, String holder, String plate, List<String> sites,
            OffsetDateTime from, OffsetDateTime until, boolean admitOnce) {
        Map<String, Object> input = new HashMap<>();
        input.put("kind", kind);
        input.put("holderName", holder);
        input.put("plate", plate);
        input.put("siteIds", sites);
        input.put("validFrom", from.toString());
        input.put("validUntil", until.toString());
        input.put("admitOnce", admitOnce);
        return input;
    }

    /** A PERSON pass for the site, valid from an hour ago for a day. */
    public JsonPath issue(String site, boolean admitOnce) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        JsonPath answer = graphQL.call(admin(), ISSUE, Map.of("i", input("PERSON", "访客 " + UUID.randomUUID(), null,
                List.of(site), now.minusHours(1), now.plusDays(1), admitOnce)));
        assertThat(answer.getList("errors")).isNull();
        return answer;
    }

    public JsonPath scan(As guard, String code, String gate, String direction) {
        return graphQL.call(guard, SCAN, Map.of("c", code, "g", gate, "d", direction));
    }

    /** A code for the pass signed with the service's key, with a window and generation of the test's choosing. */
    public String code(String passId, List<String> sites, Instant from, Instant until, long generation,
            boolean admitOnce) {
        return codes.sign(new PassCode(PassCodec.VERSION, PassKind.PERSON, admitOnce, UUID.fromString(passId),
                generation, from, until, sites.stream().map(site -> SiteTags.tag(UUID.fromString(site))).toList(),
                codes.keys().signingKid()));
    }
}
