package io.dayuan.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.Database;
import io.dayuan.GraphQL;
import io.dayuan.visits.VisitFixtures.Staff;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The visitor's texts give the window in the local time of the visited site, wherever it is. */
@QuarkusTest
class VisitTextZoneTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    GraphQL graphQL;

    @Inject
    Database database;

    @Inject
    VisitFixtures fixtures;

    @Test
    void theInvitationAndTheCancellationGiveTheWindowInTheSitesTimeZone() {
        String site = graphQL.call(graphQL.as("admin"),
                "mutation($n: String!) { createSite(input: {name: $n, timeZone: \"Europe/Berlin\"}) { id } }",
                Map.of("n", "柏林院区 " + UUID.randomUUID())).getString("data.createSite.id");
        Staff host = fixtures.staff();
        Map<String, Object> input = fixtures.invitation(site);
        OffsetDateTime from = OffsetDateTime.parse((String) input.get("arriveFrom"));
        OffsetDateTime until = OffsetDateTime.parse((String) input.get("arriveUntil"));
        String inBerlin = local(from, BERLIN) + " – " + local(until, BERLIN);
        String inShanghai = local(from, ZoneId.of("Asia/Shanghai"));

        JsonPath visit = fixtures.invited(host.as(), input);
        UUID id = UUID.fromString(visit.getString("id"));
        JsonPath cancelled = graphQL.call(host.as(), "mutation($id: ID!) { cancelVisit(id: $id) { status } }",
                Map.of("id", id.toString()));

        assertThat(cancelled.getString("data.cancelVisit.status")).as(cancelled.prettify()).isEqualTo("CANCELLED");
        assertThat(text(id, "VISIT_INVITED")).contains(inBerlin).doesNotContain(inShanghai);
        assertThat(text(id, "VISIT_CANCELLED")).contains(inBerlin).doesNotContain(inShanghai);
    }

    private String text(UUID visitId, String kind) {
        return database.rows("SELECT body FROM visitor_message WHERE visit_id = $1 AND kind = $2", visitId, kind)
                .get(0).getString("body");
    }

    private static String local(OffsetDateTime time, ZoneId zone) {
        return time.atZoneSameInstant(zone).toLocalDateTime().toString().replace('T', ' ');
    }
}
