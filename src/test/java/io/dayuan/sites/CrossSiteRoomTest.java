package io.dayuan.sites;

import static io.dayuan.sites.TwoSites.answered;
import static io.dayuan.sites.TwoSites.refused;
import static io.dayuan.rooms.RoomFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.GraphQL.As;
import io.dayuan.rooms.RoomFixtures;
import io.dayuan.sites.TwoSites.Sites;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Sites as tenants for meeting rooms: staff, facilities and administrators of site A see, book and manage only site
 * A's rooms; site B's rooms are NOT_FOUND when named by id, FORBIDDEN when site B is named, absent from lists.
 */
@QuarkusTest
class CrossSiteRoomTest extends SiteTestBase {

    private static final String ROOMS = "query($s: ID) { rooms(siteId: $s) { id } }";
    private static final String SCHEDULE = "query($r: ID!, $from: DateTime!, $to: DateTime!) { roomSchedule("
            + "roomId: $r, from: $from, to: $to) { id } }";
    private static final String UPDATE = "mutation($r: ID!) { updateRoom(input: {id: $r, name: \"改名\"}) { id } }";
    private static final String DOOR_CODE = "query($r: ID!) { roomDoorCode(roomId: $r) }";
    private static final String CREATE = "mutation($s: ID!) { createRoom(input: {siteId: $s, name: \"新会议室\", "
            + "capacity: 8}) { id } }";
    private static final String UTILISATION = "query($s: ID!, $d: Date!) { roomUtilisation(siteId: $s, from: $d, "
            + "to: $d) { bookedHours } }";
    private static final String TASKS = "query($s: ID!, $d: Date!) { serviceTasks(siteId: $s, date: $d) { id } }";

    @Inject
    RoomFixtures fixtures;

    private record Rooms(Sites sites, String a, String b) {
    }

    private Rooms rooms() {
        Sites sites = twoSites.create();
        return new Rooms(sites, fixtures.room(Map.of("siteId", sites.a())), fixtures.room(Map.of("siteId", sites.b())));
    }

    private Map<String, Object> schedule(String room) {
        return Map.of("r", room, "from", at(1, 0, 0).toString(), "to", at(2, 0, 0).toString());
    }

    @Test
    void staffOfSiteASeeAndBookOnlySiteAsRooms() {
        Rooms rooms = rooms();
        As staff = twoSites.member(List.of(rooms.sites().a()), "staff").as();

        List<String> listed = graphQL.call(staff, ROOMS, Map.of()).getList("data.rooms.id");
        assertThat(listed).contains(rooms.a()).doesNotContain(rooms.b());
        refused(graphQL.call(staff, ROOMS, Map.of("s", rooms.sites().b())), "FORBIDDEN");
        assertThat(graphQL.call(staff, ROOMS, Map.of("s", rooms.sites().a())).getList("data.rooms.id"))
                .containsExactly(rooms.a());

        refused(graphQL.call(staff, SCHEDULE, schedule(rooms.b())), "NOT_FOUND");
        answered(graphQL.call(staff, SCHEDULE, schedule(rooms.a())));

        refused(fixtures.book(staff, RoomFixtures.booking(rooms.b(), at(1, 9, 0), at(1, 10, 0))), "NOT_FOUND");
        assertThat(database.count("SELECT count(*) FROM booking WHERE room_id = $1", UUID.fromString(rooms.b())))
                .isZero();
        fixtures.booked(staff, RoomFixtures.booking(rooms.a(), at(1, 9, 0), at(1, 10, 0)));
    }

    @Test
    void anAdministratorOfSiteAManagesOnlySiteAsRooms() {
        Rooms rooms = rooms();
        As admin = twoSites.member(List.of(rooms.sites().a()), "admin").as();
        String today = LocalDate.now(RoomFixtures.SHANGHAI).toString();

        refused(graphQL.call(admin, CREATE, Map.of("s", rooms.sites().b())), "FORBIDDEN");
        assertThat(database.count("SELECT count(*) FROM room WHERE site_id = $1", UUID.fromString(rooms.sites().b())))
                .isOne();
        answered(graphQL.call(admin, CREATE, Map.of("s", rooms.sites().a())));

        refused(graphQL.call(admin, UPDATE, Map.of("r", rooms.b())), "NOT_FOUND");
        assertThat(database.count("SELECT count(*) FROM room WHERE id = $1 AND name = '改名'",
                UUID.fromString(rooms.b()))).isZero();
        answered(graphQL.call(admin, UPDATE, Map.of("r", rooms.a())));

        refused(graphQL.call(admin, DOOR_CODE, Map.of("r", rooms.b())), "NOT_FOUND");
        assertThat(graphQL.call(admin, DOOR_CODE, Map.of("r", rooms.a())).getString("data.roomDoorCode")).isNotBlank();

        refused(graphQL.call(admin, UTILISATION, Map.of("s", rooms.sites().b(), "d", today)), "FORBIDDEN");
        answered(graphQL.call(admin, UTILISATION, Map.of("s", rooms.sites().a(), "d", today)));
    }

    @Test
    void facilitiesOfSiteASeeOnlySiteAsServiceTasks() {
        Sites sites = twoSites.create();
        As facilities = twoSites.member(List.of(sites.a()), "facilities").as();
        String today = LocalDate.now(RoomFixtures.SHANGHAI).toString();
        refused(graphQL.call(facilities, TASKS, Map.of("s", sites.b(), "d", today)), "FORBIDDEN");
        answered(graphQL.call(facilities, TASKS, Map.of("s", sites.a(), "d", today)));
    }
}
