package io.dayuan.sites;

import static io.dayuan.rooms.RoomFixtures.at;
import static io.dayuan.rooms.RoomFixtures.booking;
import static io.dayuan.rooms.RoomFixtures.minutesFromNow;
import static io.dayuan.sites.TwoSites.answered;
import static io.dayuan.sites.TwoSites.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.GraphQL.As;
import io.dayuan.GraphQLSocket;
import io.dayuan.rooms.RoomFixtures;
import io.dayuan.sites.TwoSites.Sites;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * Sites as tenants for bookings named by id: a booking in a room of site B is NOT_FOUND for staff, facilities and
 * administrators of site A (and changes nothing); the organizer's own booking stays theirs wherever they are.
 */
@QuarkusTest
class CrossSiteBookingTest extends SiteTestBase {

    private static final String CANCEL = "mutation($id: ID!) { cancelBooking(id: $id) { id status } }";
    private static final String MOVE = "mutation($id: ID!, $s: DateTime!, $e: DateTime!) { moveBooking(id: $id, "
            + "startsAt: $s, endsAt: $e) { id startsAt } }";
    private static final String CHECK_IN = "mutation($id: ID!) { checkInBooking(id: $id) { id status } }";
    private static final String APPROVE = "mutation($id: ID!) { approveBooking(id: $id) { id status } }";
    private static final String REJECT = "mutation($id: ID!) { rejectBooking(id: $id, reason: \"不行\") { id status } }";
    private static final String DONE = "mutation($id: ID!) { markServiceTaskDone(id: $id) { id status } }";

    @Inject
    RoomFixtures fixtures;

    private String status(String booking) {
        return database.rows("SELECT status FROM booking WHERE id = $1", UUID.fromString(booking)).get(0)
                .getString("status");
    }

    private Map<String, Object> moved(String booking) {
        return Map.of("id", booking, "s", at(3, 14, 0).toString(), "e", at(3, 15, 0).toString());
    }

    @Test
    void staffOfSiteAChangeNoBookingOfSiteB() {
        Sites sites = twoSites.create();
        String roomA = fixtures.room(Map.of("siteId", sites.a()));
        String roomB = fixtures.room(Map.of("siteId", sites.b()));
        As staffA = twoSites.member(List.of(sites.a()), "staff").as();
        As staffB = twoSites.member(List.of(sites.b()), "staff").as();
        String atB = fixtures.booked(staffB, booking(roomB, minutesFromNow(5), minutesFromNow(35)));
        String atA = fixtures.booked(staffA, booking(roomA, minutesFromNow(5), minutesFromNow(35)));

        refused(graphQL.call(staffA, CANCEL, Map.of("id", atB)), "NOT_FOUND");
        refused(graphQL.call(staffA, MOVE, moved(atB)), "NOT_FOUND");
        refused(graphQL.call(staffA, CHECK_IN, Map.of("id", atB)), "NOT_FOUND");
        assertThat(status(atB)).isEqualTo("CONFIRMED");
        assertThat(database.count("SELECT count(*) FROM booking WHERE id = $1 AND starts_at = $2",
                UUID.fromString(atB), at(3, 14, 0))).isZero();

        answered(graphQL.call(staffA, MOVE, moved(atA)));
        answered(graphQL.call(staffA, CANCEL, Map.of("id", atA)));
        assertThat(status(atA)).isEqualTo("CANCELLED");
    }

    @Test
    void theOrganizersOwnBookingStaysTheirsAfterTheyLeaveItsSite() {
        Sites sites = twoSites.create();
        String roomA = fixtures.room(Map.of("siteId", sites.a()));
        TwoSites.Member staff = twoSites.member(List.of(sites.a()), "staff");
        String checkIn = fixtures.booked(staff.as(), booking(roomA, minutesFromNow(5), minutesFromNow(35)));
        String later = fixtures.booked(staff.as(), booking(roomA, at(2, 9, 0), at(2, 10, 0)));
        answered(graphQL.call(twoSites.globalAdmin(), TwoSites.SET_SITES,
                Map.of("p", staff.id(), "s", List.of(sites.b()))));

        // moving books the room anew, which only people of its site may do
        refused(graphQL.call(staff.as(), MOVE, moved(later)), "NOT_FOUND");
        answered(graphQL.call(staff.as(), CHECK_IN, Map.of("id", checkIn)));
        answered(graphQL.call(staff.as(), CANCEL, Map.of("id", later)));
        assertThat(status(checkIn)).isEqualTo("CHECKED_IN");
        assertThat(status(later)).isEqualTo("CANCELLED");
    }

    @Test
    void anAdministratorOfSiteAApprovesAndCancelsOnlySiteAsBookings() {
        Sites sites = twoSites.create();
        String roomA = fixtures.room(Map.of("siteId", sites.a(), "requiresApproval", true));
        String roomB = fixtures.room(Map.of("siteId", sites.b(), "requiresApproval", true));
        As admin = twoSites.member(List.of(sites.a()), "admin").as();
        As staffB = twoSites.member(List.of(sites.b()), "staff").as();
        As staffA = twoSites.member(List.of(sites.a()), "staff").as();
        String atB = fixtures.booked(staffB, booking(roomB, at(2, 9, 0), at(2, 10, 0)));
        String atA = fixtures.booked(staffA, booking(roomA, at(2, 9, 0), at(2, 10, 0)));
        String rejectAtA = fixtures.booked(staffA, booking(roomA, at(2, 11, 0), at(2, 12, 0)));

        refused(graphQL.call(admin, APPROVE, Map.of("id", atB)), "NOT_FOUND");
        refused(graphQL.call(admin, REJECT, Map.of("id", atB)), "NOT_FOUND");
        refused(graphQL.call(admin, CANCEL, Map.of("id", atB)), "NOT_FOUND");
        refused(graphQL.call(admin, MOVE, moved(atB)), "NOT_FOUND");
        assertThat(status(atB)).isEqualTo("PENDING");

        answered(graphQL.call(admin, APPROVE, Map.of("id", atA)));
        answered(graphQL.call(admin, REJECT, Map.of("id", rejectAtA)));
        assertThat(status(atA)).isEqualTo("CONFIRMED");
        assertThat(status(rejectAtA)).isEqualTo("REJECTED");
    }

    @Test
    void facilitiesOfSiteAMarkOnlySiteAsTasksDone() {
        Sites sites = twoSites.create();
        As facilities = twoSites.member(List.of(sites.a()), "facilities").as();
        String taskA = task(sites.a());
        String taskB = task(sites.b());

        refused(graphQL.call(facilities, DONE, Map.of("id", taskB)), "NOT_FOUND");
        assertThat(database.count("SELECT count(*) FROM service_task WHERE id = $1 AND status = 'DONE'",
                UUID.fromString(taskB))).isZero();
        assertThat(graphQL.call(facilities, DONE, Map.of("id", taskA)).getString("data.markServiceTaskDone.status"))
                .isEqualTo("DONE");
    }

    private String task(String site) {
        Map<String, Object> input = booking(fixtures.room(Map.of("siteId", site)), at(4, 9, 0), at(4, 10, 0));
        input.put("services", List.of("TEA_SERVICE"));
        String booked = fixtures.booked(twoSites.member(List.of(site), "staff").as(), input);
        return database.rows("SELECT CAST(id AS text) AS id FROM service_task WHERE booking_id = $1",
                UUID.fromString(booked)).get(0).getString("id");
    }

    @Test
    void staffOfSiteAFollowOnlySiteAsRoomSchedules() throws Exception {
        Sites sites = twoSites.create();
        String roomA = fixtures.room(Map.of("siteId", sites.a()));
        String roomB = fixtures.room(Map.of("siteId", sites.b()));
        As staff = twoSites.member(List.of(sites.a()), "staff").as();
        try (GraphQLSocket feedB = schedule(staff, roomB); GraphQLSocket feedA = schedule(staff, roomA)) {
            TwoSites.refusedFeed(feedB, "roomScheduleChanged", "NOT_FOUND");
            JsonObject heard = null;
            // the subscription starts asynchronously: book until the feed hears one
            for (int hour = 8; hour < 18 && heard == null; hour++) {
                fixtures.booked(staff, booking(roomA, at(5, hour, 0), at(5, hour, 30)));
                heard = feedA.next(Duration.ofSeconds(2));
            }
            assertThat(heard).isNotNull();
            assertThat(heard.getJsonObject("payload").getJsonObject("data").getJsonObject("roomScheduleChanged")
                    .getString("roomId")).isEqualTo(roomA);
        }
    }

    private GraphQLSocket schedule(As who, String room) throws Exception {
        return graphQL.open(who).subscribe("1", "subscription { roomScheduleChanged(roomId: \"" + room + "\") { roomId } }");
    }
}
