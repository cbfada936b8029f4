package io.dayuan.passes;

import static io.dayuan.visits.VisitFixtures.inHours;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.GraphQL;
import io.dayuan.visits.VisitFixtures;
import io.dayuan.visits.VisitFixtures.Staff;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** An approved visit carries its admit-once pass; cancelling the visit revokes it. */
@QuarkusTest
class VisitPassesTest {

    private static final String VISIT_PASS = """
            query($first: Int) { myVisits(first: $first) { id pass { id kind holderName status code } } }""";
    private static final String SCAN = """
            mutation($c: String!, $g: ID!, $d: Direction!) {
              scanPass(input: {code: $c, gateId: $g, direction: $d}) { decision reason }
            }""";

    @Inject
    GraphQL graphQL;

    @Inject
    VisitFixtures fixtures;

    private JsonPath passOf(Staff host, String visitId) {
        JsonPath visits = graphQL.call(host.as(), VISIT_PASS, Map.of("first", 50));
        assertThat(visits.getList("errors")).isNull();
        return visits.setRootPath("data.myVisits.find { it.id == '" + visitId + "' }.pass");
    }

    @Test
    void anInvitedVisitorsPassAdmitsThemOnceAtTheSite() {
        String site = fixtures.site();
        String gate = fixtures.gate(site);
        Staff host = fixtures.staff();
        Map<String, Object> input = fixtures.invitation(site);
        input.put("arriveFrom", OffsetDateTime.now().plusSeconds(30).toString());
        input.put("arriveUntil", inHours(2).toString());
        String visitId = fixtures.invited(host.as(), input).getString("id");

        JsonPath pass = passOf(host, visitId);
        assertThat(pass.getString("kind")).isEqualTo("PERSON");
        assertThat(pass.getString("holderName")).isEqualTo(input.get("visitorName"));
        assertThat(pass.getString("status")).isEqualTo("ACTIVE");
        String code = pass.getString("code");
        assertThat(code).startsWith("DY:");

        GraphQL.As guard = graphQL.as("guard");
        Map<String, Object> in = Map.of("c", code, "g", gate, "d", "IN");
        assertThat(graphQL.call(guard, SCAN, in).getString("data.scanPass.decision")).isEqualTo("ALLOW");
        assertThat(graphQL.call(guard, SCAN, in).getString("data.scanPass.reason")).isEqualTo("ALREADY_INSIDE");
    }

    @Test
    void cancellingTheVisitRevokesItsPass() {
        String site = fixtures.site();
        Staff host = fixtures.staff();
        String visitId = fixtures.invited(host.as(), fixtures.invitation(site)).getString("id");
        assertThat(passOf(host, visitId).getString("status")).isEqualTo("ACTIVE");

        JsonPath cancelled = graphQL.call(host.as(), "mutation($id: ID!) { cancelVisit(id: $id, reason: \"改期\") { status } }",
                Map.of("id", visitId));
        assertThat(cancelled.getString("data.cancelVisit.status")).isEqualTo("CANCELLED");
        assertThat(passOf(host, visitId).getString("status")).isEqualTo("REVOKED");
    }
}
