package io.dayuan.rooms;

import static io.dayuan.GraphQL.errorCode;
import static io.dayuan.rooms.BookingApiTest.assertField;
import static io.dayuan.rooms.RoomFixtures.SHANGHAI;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dayuan.Demo;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class UtilisationTest extends RoomTestBase {

    private static final String REPORT = "query($siteId: ID!, $from: Date!, $to: Date!) { roomUtilisation(siteId: $siteId,"
            + " from: $from, to: $to) { room { id name site { id } } availableHours bookedHours utilisation released "
            + "checkedIn noShowRate } }";

    /** A past week's bookings, written directly: the API only books the future. */
    private void past(String room, OffsetDateTime start, OffsetDateTime end, String status) {
        database.execute("insert into booking (room_id, organizer_id, title, starts_at, ends_at, held_until, status)"
                + " values ($1, '00000000-0000-0000-0000-00000000e001', 'past', $2, $3, $3, $4)",
                UUID.fromString(room), start, end, status);
    }

    @Test
    void bookedHoursOverOpeningHoursAndTheNoShowRate() {
        String room = fixtures.room();
        LocalDate monday = LocalDate.now(SHANGHAI).minusWeeks(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        // Monday 09-11 completed, Tuesday 17-19 checked in (1 h after closing), Wednesday released, Saturday (closed)
        past(room, at(monday, 9), at(monday, 11), "COMPLETED");
        past(room, at(monday.plusDays(1), 17), at(monday.plusDays(1), 19), "COMPLETED");
        past(room, at(monday.plusDays(2), 9), at(monday.plusDays(2), 10), "RELEASED");
        past(room, at(monday.plusDays(3), 9), at(monday.plusDays(3), 10), "CANCELLED");
        past(room, at(monday.plusDays(5), 9), at(monday.plusDays(5), 12), "COMPLETED");

        JsonPath report = graphQL.call(graphQL.as("admin"), REPORT, Map.of("siteId", Demo.DEMO_SITE,
                "from", monday.toString(), "to", monday.plusDays(6).toString()));
        assertThat(report.getList("errors")).as(report.prettify()).isNull();
        int index = report.getList("data.roomUtilisation.room.id").indexOf(room);
        String row = "data.roomUtilisation[" + index + "].";
        assertThat(report.getDouble(row + "availableHours")).isEqualTo(50.0);
        assertThat(report.getDouble(row + "bookedHours")).isEqualTo(3.0);
        assertThat(report.getDouble(row + "utilisation")).isEqualTo(0.06);
        assertThat(report.getInt(row + "released")).isEqualTo(1);
        assertThat(report.getInt(row + "checkedIn")).isEqualTo(3);
        assertThat(report.getDouble(row + "noShowRate")).isEqualTo(0.25);
        assertThat(report.getString(row + "room.site.id")).isEqualTo(Demo.DEMO_SITE);
    }

    @Test
    void badInputAndWrongRoles() {
        String from = LocalDate.now().toString();
        assertField(graphQL.call(graphQL.as("admin"), REPORT, Map.of("siteId", Demo.DEMO_SITE, "from", from,
                "to", LocalDate.now().minusDays(1).toString())), "to");
        assertThat(errorCode(graphQL.call(graphQL.as("admin"), REPORT, Map.of("siteId", Demo.UNKNOWN, "from", from,
                "to", from)))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(graphQL.call(graphQL.as("staff", "facilities"), REPORT, Map.of("siteId", Demo.DEMO_SITE,
                "from", from, "to", from)))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), REPORT, Map.of("siteId", Demo.DEMO_SITE,
                "from", from, "to", from)))).isEqualTo("UNAUTHENTICATED");
    }

    private static OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(SHANGHAI).toOffsetDateTime();
    }
}
