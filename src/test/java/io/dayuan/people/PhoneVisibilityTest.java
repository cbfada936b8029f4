package io.dayuan.people;

import static io.dayuan.rooms.RoomFixtures.at;
import static io.dayuan.rooms.RoomFixtures.booking;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.GraphQL;
import io.dayuan.GraphQL.As;
import io.dayuan.rooms.RoomFixtures;
import io.dayuan.visits.VisitFixtures;
import io.dayuan.visits.VisitFixtures.Staff;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Person.phone is personal information: the person, admins, and a guard calling a visitor's host read it. */
@QuarkusTest
class PhoneVisibilityTest {

    private static final String SCHEDULE = "query($r: ID!, $f: DateTime!, $t: DateTime!) { roomSchedule(roomId: $r, "
            + "from: $f, to: $t) { organizer { id phone } } }";
    private static final String EXPECTED = "query($s: ID!, $d: Date!) { expectedVisits(siteId: $s, date: $d) { "
            + "id host { phone } } }";

    @Inject
    GraphQL graphQL;

    @Inject
    RoomFixtures rooms;

    @Inject
    VisitFixtures visits;

    private String organizerPhoneSeenBy(As caller, String room) {
        JsonPath schedule = graphQL.call(caller, SCHEDULE, Map.of("r", room, "f", at(3, 0, 0).toString(),
                "t", at(4, 0, 0).toString()));
        assertThat(schedule.getList("errors")).as(schedule.prettify()).isNull();
        assertThat(schedule.getList("data.roomSchedule")).hasSize(1);
        return schedule.getString("data.roomSchedule[0].organizer.phone");
    }

    @Test
    void anOrganizersPhoneIsReadByThemAndAdminsOnly() {
        String room = rooms.room();
        As organizer = graphQL.person("organizer-" + UUID.randomUUID(), "赵敏", "+8613922223333", null, "staff");
        rooms.booked(organizer, booking(room, at(3, 9, 0), at(3, 10, 0)));

        assertThat(organizerPhoneSeenBy(organizer, room)).isEqualTo("+8613922223333");
        assertThat(organizerPhoneSeenBy(graphQL.as("admin"), room)).isEqualTo("+8613922223333");
        assertThat(organizerPhoneSeenBy(graphQL.as("staff"), room)).isNull();
        assertThat(organizerPhoneSeenBy(graphQL.as("guard"), room)).isNull();
        assertThat(organizerPhoneSeenBy(graphQL.as("facilities"), room)).isNull();
        assertThat(organizerPhoneSeenBy(graphQL.as("canteen-manager"), room)).isNull();
    }

    @Test
    void aGuardReadsAHostsPhoneWhileTheirVisitorIsAtTheGateOnly() {
        String site = visits.site();
        Staff now = visits.staff();
        Staff later = visits.staff();
        Map<String, Object> soon = visits.invitation(site);
        OffsetDateTime from = VisitFixtures.inHours(0).plusMinutes(10);
        soon.put("arriveFrom", from.toString());
        soon.put("arriveUntil", from.plusHours(2).toString());
        String soonId = visits.invited(now.as(), soon).getString("id");
        // later today: its window opens beyond the push lead (30 minutes), so its host is not called yet
        Map<String, Object> laterToday = visits.invitation(site);
        laterToday.put("arriveFrom", from.plusMinutes(40).toString());
        laterToday.put("arriveUntil", from.plusHours(2).toString());
        String laterId = visits.invited(later.as(), laterToday).getString("id");

        As guard = graphQL.as("guard");
        assertThat(hostPhone(guard, site, soonId, from)).isEqualTo("+86" + now.phone());
        assertThat(hostPhone(guard, site, laterId, from.plusMinutes(40))).isNull();
        assertThat(hostPhone(graphQL.as("admin"), site, laterId, from.plusMinutes(40))).isEqualTo("+86" + later.phone());
        JsonPath own = graphQL.call(later.as(), "{ myVisits { id host { phone } } }");
        assertThat(own.getString("data.myVisits.find { it.id == '%s' }.host.phone".formatted(laterId)))
                .isEqualTo("+86" + later.phone());
    }

    /** The host's phone of the visit in expectedVisits for the day of the moment, as the caller reads it. */
    private String hostPhone(As caller, String site, String visitId, OffsetDateTime day) {
        String date = day.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
        JsonPath expected = graphQL.call(caller, EXPECTED, Map.of("s", site, "d", date));
        assertThat(expected.getList("errors")).as(expected.prettify()).isNull();
        assertThat(expected.getList("data.expectedVisits.id")).contains(visitId);
        return expected.getString("data.expectedVisits.find { it.id == '%s' }.host.phone".formatted(visitId));
    }
}
