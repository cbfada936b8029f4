package io.dayuan.sites;

import static io.dayuan.sites.TwoSites.answered;
import static io.dayuan.sites.TwoSites.refused;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.GraphQL.As;
import io.dayuan.passes.PassFixtures;
import io.dayuan.sites.TwoSites.Member;
import io.dayuan.sites.TwoSites.Sites;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Sites as tenants for passes, emergency broadcasts, people and sites: an administrator, guard or staff member of
 * site A issues, re-issues, revokes, prints, asks for and uploads scans of passes only at site A, broadcasts and
 * reads broadcasts only of site A and lists only site A's people; only a global administrator adds sites.
 */
@QuarkusTest
class CrossSitePassTest extends SiteTestBase {

    private static final String ISSUE_MANY = "mutation($i: [NewPassInput!]!) { issuePasses(inputs: $i) { id } }";
    private static final String REISSUE = "mutation($id: ID!) { reissuePass(id: $id) { id } }";
    private static final String REVOKE = "mutation($id: ID!) { revokePass(id: $id) { id status } }";
    private static final String MY_PASS = "query($s: ID!) { myPass(siteId: $s) { id sites { id } holderSites { id } "
            + "} }";
    private static final String UPLOAD = "mutation($s: [OfflineScanInput!]!) { uploadOfflineScans(scans: $s) "
            + "{ recorded } }";
    private static final String BROADCAST = "mutation($s: ID!) { broadcastEmergency(input: {siteId: $s, title: "
            + "\"停电\", body: \"下午两点停电\"}) { id } }";
    private static final String BROADCASTS = "query($s: ID) { emergencyBroadcasts(siteId: $s) { id } }";
    private static final String PEOPLE = "query($s: ID) { people(siteId: $s) { id } }";
    private static final String CREATE_SITE = "mutation { createSite(input: {name: \"丙镇\"}) { id } }";

    private static Map<String, Object> pass(String site) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return PassFixtures.input("PERSON", "持证人 " + UUID.randomUUID(), null, List.of(site), now.minusHours(1),
                now.plusDays(1), false);
    }

    private String issued(String site) {
        JsonPath answer = graphQL.call(twoSites.globalAdmin(), PassFixtures.ISSUE, Map.of("i", pass(site)));
        answered(answer);
        return answer.getString("data.issuePass.id");
    }

    private long passesAt(String site) {
        return database.count("SELECT count(*) FROM pass WHERE $1 = ANY (site_ids)", UUID.fromString(site));
    }

    private static int svg(As who, String passes) {
        return given().header("Authorization", "Bearer " + who.token()).get(passes).statusCode();
    }

    @Test
    void anAdministratorOfSiteAIssuesRevokesAndPrintsOnlySiteAsPasses() {
        Sites sites = twoSites.create();
        As admin = twoSites.member(List.of(sites.a()), "admin").as();

        refused(graphQL.call(admin, PassFixtures.ISSUE, Map.of("i", pass(sites.b()))), "FORBIDDEN");
        refused(graphQL.call(admin, ISSUE_MANY, Map.of("i", List.of(pass(sites.a()), pass(sites.b())))), "FORBIDDEN");
        assertThat(passesAt(sites.b()) + passesAt(sites.a())).isZero();
        answered(graphQL.call(admin, PassFixtures.ISSUE, Map.of("i", pass(sites.a()))));
        answered(graphQL.call(admin, ISSUE_MANY, Map.of("i", List.of(pass(sites.a())))));

        String atB = issued(sites.b());
        String atA = issued(sites.a());
        refused(graphQL.call(admin, REISSUE, Map.of("id", atB)), "NOT_FOUND");
        refused(graphQL.call(admin, REVOKE, Map.of("id", atB)), "NOT_FOUND");
        assertThat(database.count("SELECT count(*) FROM pass WHERE id = $1 AND revoked_at IS NULL AND generation = 1",
                UUID.fromString(atB))).isOne();
        answered(graphQL.call(admin, REISSUE, Map.of("id", atA)));

        assertThat(svg(admin, "/passes/" + atB + "/qr.svg")).isEqualTo(404);
        assertThat(svg(admin, "/passes/sheet.svg?ids=" + atA + "," + atB)).isEqualTo(404);
        assertThat(svg(admin, "/passes/" + atA + "/qr.svg")).isEqualTo(200);
        assertThat(svg(admin, "/passes/sheet.svg?ids=" + atA)).isEqualTo(200);
        assertThat(graphQL.call(admin, REVOKE, Map.of("id", atA)).getString("data.revokePass.status"))
                .isEqualTo("REVOKED");
    }

    @Test
    void staffAskForTheirOwnPassOnlyAtTheirSites() {
        Sites sites = twoSites.create();
        As staff = twoSites.member(List.of(sites.a()), "staff").as();
        refused(graphQL.call(staff, MY_PASS, Map.of("s", sites.b())), "FORBIDDEN");
        assertThat(passesAt(sites.b())).isZero();
        assertThat(graphQL.call(staff, MY_PASS, Map.of("s", sites.a())).getList("data.myPass.sites.id"))
                .containsExactly(sites.a());
    }

    @Test
    void aPersonalPassNamesTheHoldersSitesAndOtherPassesNone() {
        Sites sites = twoSites.create();
        As staff = twoSites.member(List.of(sites.a(), sites.b()), "staff").as();
        JsonPath mine = graphQL.call(staff, MY_PASS, Map.of("s", sites.b()));
        assertThat(mine.getList("data.myPass.sites.id")).containsExactly(sites.b());
        assertThat(mine.getList("data.myPass.holderSites.id")).containsExactlyInAnyOrder(sites.a(), sites.b());
        JsonPath printed = graphQL.call(twoSites.globalAdmin(), PassFixtures.ISSUE.replace("personal }",
                "personal holderSites { id } }"), Map.of("i", pass(sites.a())));
        answered(printed);
        assertThat(printed.getString("data.issuePass.holderSites")).isNull();
    }

    @Test
    void aGuardOfSiteAUploadsOfflineScansOnlyOfSiteAsGates() {
        Sites sites = twoSites.create();
        As guard = twoSites.member(List.of(sites.a()), "guard").as();
        refused(graphQL.call(guard, UPLOAD, Map.of("s", List.of(scan(sites.gateA()), scan(sites.gateB())))),
                "NOT_FOUND");
        assertThat(database.count("SELECT count(*) FROM pass_scan WHERE gate_id IN ($1, $2)",
                UUID.fromString(sites.gateA()), UUID.fromString(sites.gateB()))).isZero();
        assertThat(graphQL.call(guard, UPLOAD, Map.of("s", List.of(scan(sites.gateA()))))
                .getInt("data.uploadOfflineScans.recorded")).isOne();
    }

    private static Map<String, Object> scan(String gate) {
        Map<String, Object> scan = new HashMap<>();
        scan.put("id", UUID.randomUUID().toString());
        scan.put("code", "not-a-pass-code");
        scan.put("gateId", gate);
        scan.put("direction", "IN");
        scan.put("scannedAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).toString());
        scan.put("decision", "DENY");
        return scan;
    }

    @Test
    void anAdministratorOfSiteABroadcastsAndReadsBroadcastsOnlyOfSiteA() {
        Sites sites = twoSites.create();
        As admin = twoSites.member(List.of(sites.a()), "admin").as();
        refused(graphQL.call(admin, BROADCAST, Map.of("s", sites.b())), "FORBIDDEN");
        assertThat(database.count("SELECT count(*) FROM emergency_broadcast WHERE site_id = $1",
                UUID.fromString(sites.b()))).isZero();
        String atA = graphQL.call(admin, BROADCAST, Map.of("s", sites.a())).getString("data.broadcastEmergency.id");
        String atB = graphQL.call(twoSites.globalAdmin(), BROADCAST, Map.of("s", sites.b()))
                .getString("data.broadcastEmergency.id");

        refused(graphQL.call(admin, BROADCASTS, Map.of("s", sites.b())), "FORBIDDEN");
        assertThat(graphQL.call(admin, BROADCASTS, Map.of("s", sites.a())).getList("data.emergencyBroadcasts.id"))
                .containsExactly(atA);
        assertThat(graphQL.call(admin, BROADCASTS, Map.of()).getList("data.emergencyBroadcasts.id"))
                .contains(atA).doesNotContain(atB);
        assertThat(graphQL.call(twoSites.globalAdmin(), BROADCASTS, Map.of()).getList("data.emergencyBroadcasts.id"))
                .contains(atA, atB);
    }

    @Test
    void anAdministratorOfSiteAListsOnlySiteAsPeopleAndAddsNoSite() {
        Sites sites = twoSites.create();
        Member admin = twoSites.member(List.of(sites.a()), "admin");
        Member ofA = twoSites.member(List.of(sites.a()), "staff");
        Member ofB = twoSites.member(List.of(sites.b()), "staff");

        assertThat(graphQL.call(admin.as(), PEOPLE, Map.of()).getList("data.people.id"))
                .contains(admin.id(), ofA.id()).doesNotContain(ofB.id());
        refused(graphQL.call(admin.as(), PEOPLE, Map.of("s", sites.b())), "FORBIDDEN");
        assertThat(graphQL.call(twoSites.globalAdmin(), PEOPLE, Map.of()).getList("data.people.id"))
                .contains(ofA.id(), ofB.id());

        long before = database.count("SELECT count(*) FROM site");
        refused(graphQL.call(admin.as(), CREATE_SITE, Map.of()), "FORBIDDEN");
        assertThat(database.count("SELECT count(*) FROM site")).isEqualTo(before);
    }
}
