package io.dayuan.rooms;

import static io.dayuan.GraphQL.errorCode;
import static io.dayuan.rooms.BookingApiTest.assertField;
import static io.dayuan.rooms.RoomFixtures.at;
import static io.dayuan.rooms.RoomFixtures.booking;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dayuan.GraphQL.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class RecurrenceTest extends RoomTestBase {

    private static final String CANCEL = "mutation($id: ID!, $scope: CancelScope) { cancelBooking(id: $id, scope: $scope) "
            + "{ id status } }";
    private static final String MOVE = "mutation($id: ID!, $s: DateTime!, $e: DateTime!) { moveBooking(id: $id, "
            + "startsAt: $s, endsAt: $e) { id status } }";

    private static Map<String, Object> weekly(String room, int days, int count) {
        Map<String, Object> input = booking(room, at(days, 9, 0), at(days, 10, 0));
        input.put("recurrence", Map.of("frequency", "WEEKLY", "interval", 1, "count", count));
        return input;
    }

    private List<String> statuses(String seriesId) {
        return database.rows("select status from booking where series_id = $1 order by starts_at",
                UUID.fromString(seriesId)).stream().map(r -> r.getString(0)).toList();
    }

    @Test
    void aWeeklySeriesIsOneRowPerOccurrenceWithItsOwnTasksAndReminders() {
        String room = fixtures.room();
        JsonPath answer = fixtures.book(graphQL.as("staff"), weekly(room, 14, 4));
        assertThat(answer.getList("errors")).as(answer.prettify()).isNull();
        String series = answer.getString("data.bookRoom.seriesId");
        assertThat(series).isNotNull();
        assertThat(database.rows("select starts_at from booking where series_id = $1 order by starts_at",
                UUID.fromString(series))).extracting(r -> r.getOffsetDateTime(0).toInstant())
                .containsExactly(at(14, 9, 0).toInstant(), at(21, 9, 0).toInstant(), at(28, 9, 0).toInstant(),
                        at(35, 9, 0).toInstant());
        assertThat(database.count("select count(*) from service_task t join booking b on b.id = t.booking_id"
                + " where b.series_id = $1 and t.kind = 'CLEANING'", UUID.fromString(series))).isEqualTo(4);
        assertThat(database.count("select count(*) from notification n join booking b on n.cause = 'booking:' || b.id"
                + " where b.series_id = $1", UUID.fromString(series))).isEqualTo(4);
    }

    @Test
    void aDailySeriesUntilADateInTheSitesTimeZone() {
        String room = fixtures.room();
        Map<String, Object> input = booking(room, at(15, 8, 0), at(15, 8, 30));
        input.put("recurrence", Map.of("frequency", "DAILY", "interval", 2, "until", at(20, 0, 0).toLocalDate()
                .toString()));
        JsonPath answer = fixtures.book(graphQL.as("staff"), input);
        assertThat(answer.getList("errors")).as(answer.prettify()).isNull();
        assertThat(database.count("select count(*) from booking where series_id = $1",
                UUID.fromString(answer.getString("data.bookRoom.seriesId")))).isEqualTo(3);
    }

    @Test
    void allOrNothingListsEveryClashingDateAndBooksNothing() {
        String room = fixtures.room();
        fixtures.booked(graphQL.as("staff"), booking(room, at(21, 9, 30), at(21, 10, 30)));
        fixtures.booked(graphQL.as("staff"), booking(room, at(35, 8, 0), at(35, 9, 30)));
        JsonPath answer = fixtures.book(graphQL.as("staff"), weekly(room, 14, 4));
        assertThat(errorCode(answer)).isEqualTo("CONFLICT");
        assertThat(answer.getList("errors[0].extensions.clashingDates")).containsExactly(
                at(21, 0, 0).toLocalDate().toString(), at(35, 0, 0).toLocalDate().toString());
        assertThat(answer.getString("errors[0].message")).contains(at(21, 0, 0).toLocalDate() + " 09:30")
                .contains(at(35, 0, 0).toLocalDate() + " 08:00");
        assertThat(database.count("select count(*) from booking where room_id = $1", UUID.fromString(room)))
                .isEqualTo(2);
    }

    @Test
    void skipConflictsBooksTheRestAndReturnsTheSkippedDates() {
        String room = fixtures.room();
        fixtures.booked(graphQL.as("staff"), booking(room, at(28, 9, 30), at(28, 10, 30)));
        Map<String, Object> input = weekly(room, 14, 4);
        input.put("skipConflicts", true);
        JsonPath answer = fixtures.book(graphQL.as("staff"), input);
        assertThat(answer.getList("errors")).as(answer.prettify()).isNull();
        assertThat(answer.getList("data.bookRoom.skippedDates")).containsExactly(at(28, 0, 0).toLocalDate()
                .toString());
        assertThat(statuses(answer.getString("data.bookRoom.seriesId"))).hasSize(3);
    }

    @Test
    void cancellingOneOrTheFollowingNeverTouchesOrResurrectsOthers() {
        String room = fixtures.room();
        As staff = graphQL.as("staff");
        JsonPath answer = fixtures.book(staff, weekly(room, 14, 5));
        String series = answer.getString("data.bookRoom.seriesId");
        List<String> ids = database.rows("select id from booking where series_id = $1 order by starts_at",
                UUID.fromString(series)).stream().map(r -> r.getUUID(0).toString()).toList();

        // cancel the second only
        assertThat(graphQL.call(staff, CANCEL, Map.of("id", ids.get(1), "scope", "THIS"))
                .getString("data.cancelBooking.status")).isEqualTo("CANCELLED");
        assertThat(statuses(series)).containsExactly("CONFIRMED", "CANCELLED", "CONFIRMED", "CONFIRMED", "CONFIRMED");
        // move the fourth one day later
        JsonPath moved = graphQL.call(staff, MOVE, Map.of("id", ids.get(3), "s", at(36, 9, 0).toString(),
                "e", at(36, 10, 0).toString()));
        assertThat(moved.getList("errors")).as(moved.prettify()).isNull();
        // cancel the third and the following: the second stays cancelled, the first confirmed
        assertThat(graphQL.call(staff, CANCEL, Map.of("id", ids.get(2), "scope", "FOLLOWING"))
                .getString("data.cancelBooking.status")).isEqualTo("CANCELLED");
        assertThat(statuses(series)).containsExactly("CONFIRMED", "CANCELLED", "CANCELLED", "CANCELLED", "CANCELLED");
        assertThat(database.count("select count(*) from service_task t join booking b on b.id = t.booking_id"
                + " where b.series_id = $1 and t.status = 'OPEN'", UUID.fromString(series))).isEqualTo(1);
        // the slot of the cancelled second occurrence can be booked by someone else, and stays theirs
        String other = fixtures.booked(graphQL.as("staff"), booking(room, at(21, 9, 0), at(21, 10, 0)));
        assertThat(graphQL.call(staff, CANCEL, Map.of("id", ids.get(0), "scope", "SERIES"))
                .getString("data.cancelBooking.status")).isEqualTo("CANCELLED");
        assertThat(statuses(series)).containsOnly("CANCELLED");
        assertThat(database.rows("select status from booking where id = $1", UUID.fromString(other)).get(0)
                .getString(0)).isEqualTo("CONFIRMED");
    }

    @Test
    void aBadRecurrenceIsValidationNamingItsField() {
        String room = fixtures.room();
        As staff = graphQL.as("staff");
        Map<String, Object> endless = booking(room, at(14, 9, 0), at(14, 10, 0));
        endless.put("recurrence", Map.of("frequency", "DAILY"));
        assertField(fixtures.book(staff, endless), "recurrence.count");

        Map<String, Object> both = booking(room, at(14, 9, 0), at(14, 10, 0));
        both.put("recurrence", Map.of("frequency", "DAILY", "count", 3, "until", at(20, 0, 0).toLocalDate().toString()));
        assertField(fixtures.book(staff, both), "recurrence.until");

        Map<String, Object> tooFar = booking(room, at(14, 9, 0), at(14, 10, 0));
        tooFar.put("recurrence", Map.of("frequency", "WEEKLY", "until", LocalDate.now().plusYears(1).plusDays(10)
                .toString()));
        assertField(fixtures.book(staff, tooFar), "recurrence.until");

        Map<String, Object> tooMany = booking(room, at(14, 9, 0), at(14, 10, 0));
        tooMany.put("recurrence", Map.of("frequency", "WEEKLY", "count", 60));
        assertField(fixtures.book(staff, tooMany), "recurrence.count");

        Map<String, Object> zero = booking(room, at(14, 9, 0), at(14, 10, 0));
        zero.put("recurrence", Map.of("frequency", "WEEKLY", "interval", 0, "count", 2));
        assertField(fixtures.book(staff, zero), "recurrence.interval");

        assertThat(database.count("select count(*) from booking where room_id = $1", UUID.fromString(room))).isZero();
    }
}
