package io.dayuan.sites;

import static io.dayuan.sites.TwoSites.answered;
import static io.dayuan.sites.TwoSites.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.GraphQL.As;
import io.dayuan.sites.TwoSites.Sites;
import io.dayuan.visits.VisitFixtures;
import io.dayuan.visits.VisitFixtures.Staff;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Sites as tenants for visits: staff invite only to their sites, a visitor's request names a host only at a site the
 * host belongs to, administrators and guards of site A decide, check in and out only site A's visits at site A's
 * gates (NOT_FOUND for site B's), the blocklist is a global administrator's.
 */
@QuarkusTest
class CrossSiteVisitTest extends SiteTestBase {

    private static final String APPROVE = "mutation($id: ID!) { approveVisit(id: $id) { id status } }";
    private static final String REJECT = "mutation($id: ID!) { rejectVisit(id: $id) { id status } }";
    private static final String CANCEL = "mutation($id: ID!) { cancelVisit(id: $id) { id status } }";
    private static final String CHECK_IN = "mutation($id: ID!, $g: ID!) { checkInVisit(id: $id, gateId: $g) "
            + "{ status } }";
    private static final String CHECK_OUT = "mutation($id: ID!, $g: ID!) { checkOutVisit(id: $id, gateId: $g) "
            + "{ status } }";
    private static final String DEVICE = "mutation($i: NewDeviceInput!) { registerAccessDevice(input: $i) { id } }";
    private static final String BLOCK = "mutation($p: String!) { blockVisitor(input: {kind: PHONE, value: $p}) "
            + "{ id } }";
    private static final String UNBLOCK = "mutation($id: ID!) { unblockVisitor(id: $id) }";
    private static final String BLOCKLIST = "{ visitBlocklist { id } }";

    @Inject
    VisitFixtures visits;

    /** A staff member with a phone who belongs to the site. */
    private Staff host(String site) {
        Staff staff = visits.staff();
        String id = graphQL.call(staff.as(), "{ me { id } }").getString("data.me.id");
        answered(graphQL.call(twoSites.globalAdmin(), TwoSites.SET_SITES, Map.of("p", id, "s", List.of(site))));
        return staff;
    }

    /** A visitor's request at the site naming the host's phone; the visit's id. */
    private String requested(String site, Staff host) {
        Map<String, Object> input = new HashMap<>(visits.invitation(site));
        input.put("hostPhone", host.phone());
        JsonPath answer = visits.request(VisitFixtures.address(), input);
        answered(answer);
        return answer.getString("data.requestVisit.id");
    }

    private String status(String visit) {
        return database.rows("SELECT status FROM visit WHERE id = $1", UUID.fromString(visit)).get(0)
                .getString("status");
    }

    @Test
    void staffOfSiteAInviteOnlyToSiteA() {
        Sites sites = twoSites.create();
        As staff = host(sites.a()).as();
        refused(visits.invite(staff, visits.invitation(sites.b())), "FORBIDDEN");
        assertThat(database.count("SELECT count(*) FROM visit WHERE site_id = $1", UUID.fromString(sites.b())))
                .isZero();
        visits.invited(staff, visits.invitation(sites.a()));
    }

    @Test
    void aVisitorsRequestNamesAHostOnlyAtASiteTheHostBelongsTo() {
        Sites sites = twoSites.create();
        Staff host = host(sites.a());
        String atB = requested(sites.b(), host);
        String atA = requested(sites.a(), host);
        // parked as for a phone of nobody: the host never sees it, nobody can approve it
        assertThat(database.count("SELECT count(*) FROM visit WHERE id = $1 AND host_id IS NULL "
                + "AND parked_reason = 'UNKNOWN_HOST'", UUID.fromString(atB))).isOne();
        refused(graphQL.call(host.as(), APPROVE, Map.of("id", atB)), "NOT_FOUND");
        assertThat(graphQL.call(host.as(), APPROVE, Map.of("id", atA)).getString("data.approveVisit.status"))
                .isEqualTo("APPROVED");
    }

    @Test
    void anAdministratorOfSiteADecidesOnlySiteAsVisits() {
        Sites sites = twoSites.create();
        As admin = twoSites.member(List.of(sites.a()), "admin").as();
        Staff hostB = host(sites.b());
        Staff hostA = host(sites.a());
        String atB = requested(sites.b(), hostB);

        refused(graphQL.call(admin, APPROVE, Map.of("id", atB)), "NOT_FOUND");
        refused(graphQL.call(admin, REJECT, Map.of("id", atB)), "NOT_FOUND");
        refused(graphQL.call(admin, CANCEL, Map.of("id", atB)), "NOT_FOUND");
        assertThat(status(atB)).isEqualTo("REQUESTED");

        String approveA = requested(sites.a(), hostA);
        String rejectA = requested(sites.a(), hostA);
        answered(graphQL.call(admin, APPROVE, Map.of("id", approveA)));
        answered(graphQL.call(admin, REJECT, Map.of("id", rejectA)));
        answered(graphQL.call(admin, CANCEL, Map.of("id", approveA)));
        assertThat(status(rejectA)).isEqualTo("REJECTED");
        assertThat(status(approveA)).isEqualTo("CANCELLED");
    }

    @Test
    void aGuardOfSiteALetsVisitorsInAndOutOnlyAtSiteAsGates() {
        Sites sites = twoSites.create();
        As guard = twoSites.member(List.of(sites.a()), "guard").as();
        String atB = invitedNow(sites.b());
        String atA = invitedNow(sites.a());

        refused(graphQL.call(guard, CHECK_IN, Map.of("id", atB, "g", sites.gateB())), "NOT_FOUND");
        refused(graphQL.call(guard, CHECK_IN, Map.of("id", atA, "g", sites.gateB())), "NOT_FOUND");
        refused(graphQL.call(guard, CHECK_OUT, Map.of("id", atB, "g", sites.gateB())), "NOT_FOUND");
        assertThat(status(atB)).isEqualTo("APPROVED");
        assertThat(database.count("SELECT count(*) FROM gate_passage WHERE gate_id = $1",
                UUID.fromString(sites.gateB()))).isZero();

        assertThat(graphQL.call(guard, CHECK_IN, Map.of("id", atA, "g", sites.gateA()))
                .getString("data.checkInVisit.status")).isEqualTo("CHECKED_IN");
        assertThat(graphQL.call(guard, CHECK_OUT, Map.of("id", atA, "g", sites.gateA()))
                .getString("data.checkOutVisit.status")).isEqualTo("CHECKED_OUT");
    }

    /** An approved visit at the site whose window opens in ten minutes. */
    private String invitedNow(String site) {
        Map<String, Object> input = visits.invitation(site);
        input.put("arriveFrom", VisitFixtures.inHours(0).plusMinutes(10).toString());
        return visits.invited(host(site).as(), input).getString("id");
    }

    @Test
    void anAdministratorOfSiteARegistersDevicesOnlyAtSiteAsGates() {
        Sites sites = twoSites.create();
        As admin = twoSites.member(List.of(sites.a()), "admin").as();
        refused(graphQL.call(admin, DEVICE, Map.of("i", VisitFixtures.device(sites.gateB()))), "NOT_FOUND");
        assertThat(database.count("SELECT count(*) FROM access_device WHERE gate_id = $1",
                UUID.fromString(sites.gateB()))).isZero();
        answered(graphQL.call(admin, DEVICE, Map.of("i", VisitFixtures.device(sites.gateA()))));
    }

    @Test
    void onlyAGlobalAdministratorKeepsTheBlocklist() {
        Sites sites = twoSites.create();
        As admin = twoSites.member(List.of(sites.a()), "admin").as();
        String phone = VisitFixtures.mobile();
        refused(graphQL.call(admin, BLOCK, Map.of("p", phone)), "FORBIDDEN");
        assertThat(database.count("SELECT count(*) FROM visit_blocklist WHERE value = $1", "+86" + phone)).isZero();
        refused(graphQL.call(admin, BLOCKLIST, Map.of()), "FORBIDDEN");

        String entry = graphQL.call(twoSites.globalAdmin(), BLOCK, Map.of("p", phone)).getString("data.blockVisitor.id");
        assertThat(graphQL.call(twoSites.globalAdmin(), BLOCKLIST, Map.of()).getList("data.visitBlocklist.id"))
                .contains(entry);
        refused(graphQL.call(admin, UNBLOCK, Map.of("id", entry)), "FORBIDDEN");
        assertThat(graphQL.call(twoSites.globalAdmin(), UNBLOCK, Map.of("id", entry))
                .getBoolean("data.unblockVisitor")).isTrue();
    }
}
