package io.dayuan.sites;

import static io.dayuan.GraphQL.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.GraphQL.As;
import io.dayuan.GraphQLSocket;
import io.dayuan.passes.PassFixtures;
import io.dayuan.sites.TwoSites.Sites;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;

/**
 * Sites as tenants at the gate: a guard or an administrator of site A, calling the gate's operations against site
 * B, is refused without learning anything of B; the same calls against site A work.
 */
@QuarkusTest
class CrossSiteGateTest extends SiteTestBase {

    private static final String GATES = "query($s: ID!) { gates(siteId: $s) { id } }";
    private static final String ON_SITE = "query($s: ID!) { onSite(siteId: $s) { id } }";
    private static final String KIT = "query($s: ID!) { passVerificationKit(siteId: $s) { gates { id } } }";
    private static final String EXPECTED = "query($s: ID!, $d: Date!) { expectedVisits(siteId: $s, date: $d) { id } }";
    private static final String SCANS = "query($s: ID!) { scans(siteId: $s) { scans { id } } }";
    private static final String DEVICES = "query($s: ID!) { accessDevices(siteId: $s) { id } }";
    private static final String CREATE_GATE = "mutation($s: ID!, $n: String!) { createGate(input: {siteId: $s, "
            + "name: $n, kind: BOTH}) { id } }";

    @Inject
    PassFixtures passes;

    /** FORBIDDEN and no data for site B; an answer for site A. */
    private void onlyAtA(As who, String query, Map<String, Object> forA, Map<String, Object> forB, String field) {
        JsonPath refused = graphQL.call(who, query, forB);
        assertThat(errorCode(refused)).as(query).isEqualTo("FORBIDDEN");
        assertThat(refused.getString("data")).as(query).isNull();
        JsonPath answered = graphQL.call(who, query, forA);
        assertThat(answered.getList("errors")).as(answered.prettify()).isNull();
        assertThat(answered.getString("data." + field)).isNotNull();
    }

    private void onlyAtA(As who, String query, Sites sites, String field) {
        onlyAtA(who, query, Map.of("s", sites.a()), Map.of("s", sites.b()), field);
    }

    @Test
    void aGuardOfSiteASeesOnlySiteAsGatesKitRollCallAndVisitors() {
        Sites sites = twoSites.create();
        As guard = twoSites.member(List.of(sites.a()), "guard").as();
        onlyAtA(guard, GATES, sites, "gates");
        assertThat(graphQL.call(guard, GATES, Map.of("s", sites.a())).getList("data.gates.id"))
                .containsExactly(sites.gateA());
        onlyAtA(guard, ON_SITE, sites, "onSite");
        onlyAtA(guard, KIT, sites, "passVerificationKit");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        onlyAtA(guard, EXPECTED, Map.of("s", sites.a(), "d", today), Map.of("s", sites.b(), "d", today),
                "expectedVisits");
    }

    @Test
    void aGuardOfSiteACannotScanAtSiteBsGate() {
        Sites sites = twoSites.create();
        As guard = twoSites.member(List.of(sites.a()), "guard").as();
        JsonPath issued = graphQL.call(twoSites.globalAdmin(), PassFixtures.ISSUE, Map.of("i", PassFixtures.input(
                "PERSON", "两镇通行 " + UUID.randomUUID(), null, List.of(sites.a(), sites.b()),
                OffsetDateTime.now().minusHours(1), OffsetDateTime.now().plusDays(1), false)));
        String code = issued.getString("data.issuePass.code");

        JsonPath atB = passes.scan(guard, code, sites.gateB(), "IN");
        assertThat(errorCode(atB)).isEqualTo("NOT_FOUND");
        assertThat(atB.getString("data")).isNull();
        assertThat(database.count("SELECT count(*) FROM pass_scan WHERE gate_id = $1", UUID.fromString(sites.gateB())))
                .isZero();

        JsonPath atA = passes.scan(guard, code, sites.gateA(), "IN");
        assertThat(atA.getList("errors")).as(atA.prettify()).isNull();
        assertThat(atA.getString("data.scanPass.decision")).isEqualTo("ALLOW");
    }

    /** A phone subscribed to a site's gate feed. */
    private GraphQLSocket gateFeed(As who, String site) throws Exception {
        return graphQL.open(who).subscribe("1", "subscription { gateEvents(siteId: \"" + site + "\") { kind gateId } }");
    }

    @Test
    void aGuardOfSiteAFollowsOnlySiteAsGateFeed() throws Exception {
        Sites sites = twoSites.create();
        As guard = twoSites.member(List.of(sites.a()), "guard").as();
        try (GraphQLSocket feedB = gateFeed(guard, sites.b()); GraphQLSocket feedA = gateFeed(guard, sites.a())) {
            TwoSites.refusedFeed(feedB, "gateEvents", "FORBIDDEN");

            String code = graphQL.call(twoSites.globalAdmin(), PassFixtures.ISSUE, Map.of("i", PassFixtures.input(
                    "PERSON", "甲镇职工", null, List.of(sites.a()), OffsetDateTime.now().minusHours(1),
                    OffsetDateTime.now().plusDays(1), false))).getString("data.issuePass.code");
            JsonObject heard = null;
            // the subscription starts asynchronously: scan until the feed hears a passage
            for (int attempt = 0; attempt < 10 && heard == null; attempt++) {
                passes.scan(guard, code, sites.gateA(), "IN");
                heard = feedA.next(Duration.ofSeconds(2));
            }
            assertThat(heard).isNotNull();
            assertThat(heard.getJsonObject("payload").getJsonObject("data").getJsonObject("gateEvents")
                    .getString("gateId")).isEqualTo(sites.gateA());
        }
    }

    @Test
    void anAdministratorOfSiteAManagesOnlySiteAsGatesScansAndDevices() {
        Sites sites = twoSites.create();
        As admin = twoSites.member(List.of(sites.a()), "admin").as();
        onlyAtA(admin, SCANS, sites, "scans");
        onlyAtA(admin, DEVICES, sites, "accessDevices");
        onlyAtA(admin, CREATE_GATE, Map.of("s", sites.a(), "n", "东门"), Map.of("s", sites.b(), "n", "东门"),
                "createGate");
        assertThat(database.count("SELECT count(*) FROM gate WHERE site_id = $1", UUID.fromString(sites.b())))
                .isOne();
    }

    @Test
    void aGlobalAdministratorActsAtEverySite() {
        Sites sites = twoSites.create();
        As global = twoSites.globalAdmin();
        assertThat(graphQL.call(global, GATES, Map.of("s", sites.b())).getList("data.gates.id"))
                .containsExactly(sites.gateB());
        assertThat(graphQL.call(global, SCANS, Map.of("s", sites.b())).getList("errors")).isNull();
    }
}
