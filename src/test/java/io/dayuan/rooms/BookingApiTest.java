package io.dayuan.rooms;

import static io.dayuan.GraphQL.errorCode;
import static io.dayuan.rooms.RoomFixtures.at;
import static io.dayuan.rooms.RoomFixtures.booking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dayuan.Demo;
import io.dayuan.GraphQL.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class BookingApiTest extends RoomTestBase {

    private static final String CANCEL = "mutation($id: ID!, $scope: CancelScope) { cancelBooking(id: $id, scope: $scope) "
            + "{ id status } }";
    private static final String MOVE = "mutation($id: ID!, $s: DateTime!, $e: DateTime!) { moveBooking(id: $id, "
            + "startsAt: $s, endsAt: $e) { id startsAt endsAt status } }";
    private static final String SCHEDULE = "query($roomId: ID!, $from: DateTime!, $to: DateTime!) { roomSchedule("
            + "roomId: $roomId, from: $from, to: $to) { " + RoomFixtures.BOOKING_FIELDS + " } }";
    private static final String MINE = "query($from: DateTime, $to: DateTime, $first: Int, $after: String) { "
            + "myBookings(from: $from, to: $to, first: $first, after: $after) { id title cursor startsAt "
            + "room { id } organizer { id } } }";

    @Test
    void staffBookARoomWithServicesAndTheReminderIsScheduled() {
        String room = fixtures.room(Map.of("cleanupMinutes", 15));
        As staff = graphQL.as("staff");
        Map<String, Object> input = booking(room, at(3, 9, 0), at(3, 10, 30));
        input.put("attendeeCount", 8);
        input.put("services", List.of("TEA_SERVICE", "AV_SUPPORT", "TEA_SERVICE"));
        JsonPath answer = fixtures.book(staff, input);
        assertThat(answer.getList("errors")).as(answer.prettify()).isNull();
        assertThat(answer.getString("data.bookRoom.status")).isEqualTo("CONFIRMED");
        assertThat(answer.getString("data.bookRoom.room.id")).isEqualTo(room);
        assertThat(answer.getString("data.bookRoom.organizer.name")).startsWith("Tester");
        assertThat(answer.getList("data.bookRoom.services")).containsExactly("TEA_SERVICE", "AV_SUPPORT");
        assertThat(answer.getInt("data.bookRoom.attendeeCount")).isEqualTo(8);
        assertThat(answer.getString("data.bookRoom.seriesId")).isNull();
        assertThat(answer.getList("data.bookRoom.skippedDates")).isEmpty();
        UUID id = UUID.fromString(answer.getString("data.bookRoom.id"));

        var row = database.rows("select status, held_until = ends_at + interval '15 minutes' from booking where id = $1",
                id).get(0);
        assertThat(row.getString(0)).isEqualTo("CONFIRMED");
        assertThat(row.getBoolean(1)).isTrue();
        assertThat(database.rows("select kind from service_task where booking_id = $1 order by kind", id))
                .extracting(r -> r.getString(0)).containsExactly("AV_SUPPORT", "CLEANING", "TEA_SERVICE");
        var reminder = database.rows("select kind, title, deliver_at = $2 from notification where cause = $1",
                "booking:" + id, at(3, 9, 0).minusMinutes(15));
        assertThat(reminder).hasSize(1);
        assertThat(reminder.get(0).getString(0)).isEqualTo("BOOKING_REMINDER");
        assertThat(reminder.get(0).getString(1)).isEqualTo("会议提醒");
        assertThat(reminder.get(0).getBoolean(2)).isTrue();
    }

    @Test
    void aClashIsAConflictSayingWhichTimeIsTakenCleanupIncluded() {
        String room = fixtures.room(Map.of("cleanupMinutes", 30));
        fixtures.booked(graphQL.as("staff"), booking(room, at(4, 9, 0), at(4, 10, 0)));
        // starts during the cleanup of the first
        JsonPath answer = fixtures.book(graphQL.as("staff"), booking(room, at(4, 10, 15), at(4, 11, 0)));
        assertThat(errorCode(answer)).isEqualTo("CONFLICT");
        assertThat(answer.getString("errors[0].message")).contains(at(4, 9, 0).toLocalDate() + " 09:00")
                .contains("10:30");
        assertThat(answer.getList("errors[0].extensions.clashingDates"))
                .containsExactly(at(4, 9, 0).toLocalDate().toString());
        // after the cleanup it is free
        fixtures.booked(graphQL.as("staff"), booking(room, at(4, 10, 30), at(4, 11, 0)));
        assertThat(database.count("select count(*) from booking where room_id = $1", UUID.fromString(room)))
                .isEqualTo(2);
    }

    @Test
    void theDatabaseItselfRefusesOverlapsOfHoldingBookingsOnly() {
        String room = fixtures.room(Map.of("cleanupMinutes", 10));
        String id = fixtures.booked(graphQL.as("staff"), booking(room, at(4, 14, 0), at(4, 15, 0)));
        String insert = "insert into booking (room_id, organizer_id, title, starts_at, ends_at, held_until, status)"
                + " values ($1, '00000000-0000-0000-0000-00000000e001', 'direct', $2, $3, $3, $4)";
        // during the cleanup after the booking
        assertThatThrownBy(() -> database.execute(insert, UUID.fromString(room), at(4, 15, 5), at(4, 16, 0),
                "PENDING")).hasMessageContaining("booking_no_overlap");
        // a cancelled row does not hold the room
        database.execute(insert, UUID.fromString(room), at(4, 14, 0), at(4, 15, 0), "CANCELLED");
        database.execute("update booking set status = 'RELEASED' where id = $1", UUID.fromString(id));
        database.execute(insert, UUID.fromString(room), at(4, 15, 5), at(4, 16, 0), "CONFIRMED");
        // and a released one cannot come back over it
        assertThatThrownBy(() -> database.execute("update booking set status = 'CONFIRMED' where id = $1",
                UUID.fromString(id))).hasMessageContaining("booking_no_overlap");
    }

    @Test
    void badInputIsValidationNamingTheField() {
        String room = fixtures.room(Map.of("horizonDays", 30, "maxBookingMinutes", 120));
        As staff = graphQL.as("staff");
        assertField(fixtures.book(staff, booking(room, at(2, 10, 0), at(2, 9, 0))), "endsAt");
        assertField(fixtures.book(staff, booking(room, OffsetDateTime.now().minusHours(1),
                OffsetDateTime.now().plusHours(1))), "startsAt");
        assertField(fixtures.book(staff, booking(room, at(31, 10, 0), at(31, 11, 0))), "startsAt");
        assertField(fixtures.book(staff, booking(room, at(2, 9, 0), at(2, 11, 1))), "endsAt");
        Map<String, Object> crowded = booking(room, at(2, 9, 0), at(2, 10, 0));
        crowded.put("attendeeCount", 11);
        assertField(fixtures.book(staff, crowded), "attendeeCount");
        Map<String, Object> untitled = booking(room, at(2, 9, 0), at(2, 10, 0));
        untitled.put("title", " ");
        assertField(fixtures.book(staff, untitled), "title");
        assertField(fixtures.book(staff, booking("no-uuid", at(2, 9, 0), at(2, 10, 0))), "roomId");
        assertThat(errorCode(fixtures.book(staff, booking(Demo.UNKNOWN, at(2, 9, 0), at(2, 10, 0)))))
                .isEqualTo("NOT_FOUND");
        assertThat(database.count("select count(*) from booking where room_id = $1", UUID.fromString(room))).isZero();
    }

    @Test
    void onlyStaffAndAdminsBook() {
        String room = fixtures.room();
        assertThat(errorCode(fixtures.book(graphQL.as("guard", "facilities"), booking(room, at(2, 9, 0),
                at(2, 10, 0))))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(fixtures.book(graphQL.anonymous(), booking(room, at(2, 9, 0), at(2, 10, 0)))))
                .isEqualTo("UNAUTHENTICATED");
        assertThat(database.count("select count(*) from booking where room_id = $1", UUID.fromString(room))).isZero();
    }

    @Test
    void theScheduleListsBookingsWithTheirRoomAndOrganizerInOneBatch() {
        String room = fixtures.room();
        As alice = graphQL.as("staff");
        As bob = graphQL.as("staff");
        String first = fixtures.booked(alice, booking(room, at(5, 9, 0), at(5, 10, 0)));
        String second = fixtures.booked(bob, booking(room, at(5, 11, 0), at(5, 12, 0)));
        String cancelled = fixtures.booked(bob, booking(room, at(5, 14, 0), at(5, 15, 0)));
        graphQL.call(bob, CANCEL, Map.of("id", cancelled));

        JsonPath schedule = graphQL.call(graphQL.as("guard"), SCHEDULE,
                Map.of("roomId", room, "from", at(5, 0, 0).toString(), "to", at(6, 0, 0).toString()));
        assertThat(schedule.getList("errors")).as(schedule.prettify()).isNull();
        assertThat(schedule.getList("data.roomSchedule.id")).containsExactly(first, second);
        assertThat(schedule.getList("data.roomSchedule.room.id")).containsExactly(room, room);
        assertThat(schedule.getString("data.roomSchedule[0].organizer.id"))
                .isNotEqualTo(schedule.getString("data.roomSchedule[1].organizer.id"));
        assertThat(schedule.getList("data.roomSchedule.organizer.name")).allSatisfy(
                name -> assertThat((String) name).startsWith("Tester"));

        assertField(graphQL.call(graphQL.as("staff"), SCHEDULE,
                Map.of("roomId", room, "from", at(6, 0, 0).toString(), "to", at(5, 0, 0).toString())), "to");
        assertThat(errorCode(graphQL.call(graphQL.as("staff"), SCHEDULE,
                Map.of("roomId", Demo.UNKNOWN, "from", at(5, 0, 0).toString(), "to", at(6, 0, 0).toString()))))
                .isEqualTo("NOT_FOUND");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), SCHEDULE,
                Map.of("roomId", room, "from", at(5, 0, 0).toString(), "to", at(6, 0, 0).toString()))))
                .isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void myBookingsArePagedWithACursor() {
        String room = fixtures.room();
        As staff = graphQL.as("staff");
        String one = fixtures.booked(staff, booking(room, at(6, 8, 0), at(6, 9, 0)));
        String two = fixtures.booked(staff, booking(room, at(6, 10, 0), at(6, 11, 0)));
        String three = fixtures.booked(staff, booking(room, at(7, 10, 0), at(7, 11, 0)));
        fixtures.booked(graphQL.as("staff"), booking(room, at(6, 12, 0), at(6, 13, 0)));

        JsonPath page = graphQL.call(staff, MINE, Map.of("first", 2));
        assertThat(page.getList("errors")).as(page.prettify()).isNull();
        assertThat(page.getList("data.myBookings.id")).containsExactly(one, two);
        assertThat(page.getList("data.myBookings.room.id")).containsExactly(room, room);
        JsonPath next = graphQL.call(staff, MINE, Map.of("first", 2, "after",
                page.getString("data.myBookings[1].cursor")));
        assertThat(next.getList("data.myBookings.id")).containsExactly(three);

        JsonPath day = graphQL.call(staff, MINE, Map.of("from", at(7, 0, 0).toString(), "to", at(8, 0, 0).toString()));
        assertThat(day.getList("data.myBookings.id")).containsExactly(three);

        assertField(graphQL.call(staff, MINE, Map.of("first", 0)), "first");
        assertField(graphQL.call(staff, MINE, Map.of("after", "garbage!")), "after");
        assertThat(errorCode(graphQL.call(graphQL.as("guard"), MINE, Map.of()))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), MINE, Map.of()))).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void theOrganizerCancelsAndTheReminderAndTasksGo() {
        String room = fixtures.room();
        As staff = graphQL.as("staff");
        Map<String, Object> input = booking(room, at(8, 9, 0), at(8, 10, 0));
        input.put("services", List.of("TEA_SERVICE"));
        String id = fixtures.booked(staff, input);

        assertThat(errorCode(graphQL.call(graphQL.as("staff"), CANCEL, Map.of("id", id)))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.as("guard"), CANCEL, Map.of("id", id)))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), CANCEL, Map.of("id", id))))
                .isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(graphQL.call(staff, CANCEL, Map.of("id", Demo.UNKNOWN)))).isEqualTo("NOT_FOUND");
        assertField(graphQL.call(staff, CANCEL, Map.of("id", "x")), "id");

        JsonPath cancelled = graphQL.call(staff, CANCEL, Map.of("id", id));
        assertThat(cancelled.getString("data.cancelBooking.status")).isEqualTo("CANCELLED");
        assertThat(database.rows("select status from service_task where booking_id = $1", UUID.fromString(id)))
                .extracting(r -> r.getString(0)).containsOnly("CANCELLED");
        assertThat(database.count("select count(*) from notification where cause = $1 and withdrawn_at is not null",
                "booking:" + id)).isEqualTo(1);
        assertThat(errorCode(graphQL.call(staff, CANCEL, Map.of("id", id)))).isEqualTo("CONFLICT");
        // the slot is free again
        fixtures.booked(graphQL.as("staff"), booking(room, at(8, 9, 0), at(8, 10, 0)));
        // an admin may cancel anybody's booking
        String other = fixtures.booked(staff, booking(room, at(8, 11, 0), at(8, 12, 0)));
        assertThat(graphQL.call(graphQL.as("admin"), CANCEL, Map.of("id", other))
                .getString("data.cancelBooking.status")).isEqualTo("CANCELLED");
    }

    @Test
    void aMoveTakesTheTasksAndTheReminderAlong() {
        String room = fixtures.room(Map.of("maxBookingMinutes", 120));
        As staff = graphQL.as("staff");
        Map<String, Object> input = booking(room, at(9, 9, 0), at(9, 10, 0));
        input.put("services", List.of("VIDEO_CONFERENCE_SETUP"));
        String id = fixtures.booked(staff, input);
        String blocker = fixtures.booked(graphQL.as("staff"), booking(room, at(9, 14, 0), at(9, 15, 0)));

        assertThat(errorCode(graphQL.call(staff, MOVE, Map.of("id", id, "s", at(9, 14, 30).toString(),
                "e", at(9, 15, 30).toString())))).isEqualTo("CONFLICT");
        assertField(graphQL.call(staff, MOVE, Map.of("id", id, "s", at(9, 14, 30).toString(),
                "e", at(9, 17, 30).toString())), "endsAt");
        assertThat(errorCode(graphQL.call(graphQL.as("staff"), MOVE, Map.of("id", id,
                "s", at(9, 11, 0).toString(), "e", at(9, 12, 0).toString())))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(staff, MOVE, Map.of("id", Demo.UNKNOWN,
                "s", at(9, 11, 0).toString(), "e", at(9, 12, 0).toString())))).isEqualTo("NOT_FOUND");

        JsonPath moved = graphQL.call(staff, MOVE, Map.of("id", id, "s", at(9, 11, 0).toString(),
                "e", at(9, 12, 0).toString()));
        assertThat(moved.getList("errors")).as(moved.prettify()).isNull();
        assertThat(OffsetDateTime.parse(moved.getString("data.moveBooking.startsAt"))).isEqualTo(at(9, 11, 0));
        UUID bookingId = UUID.fromString(id);
        assertThat(database.rows("select kind, due_at from service_task where booking_id = $1 order by kind",
                bookingId)).extracting(r -> r.getString(0) + "@" + r.getOffsetDateTime(1).toInstant())
                .containsExactly("CLEANING@" + at(9, 12, 0).toInstant(),
                        "VIDEO_CONFERENCE_SETUP@" + at(9, 10, 30).toInstant());
        assertThat(database.rows("select deliver_at, withdrawn_at is null from notification where cause = $1"
                + " order by created_at", "booking:" + id)).extracting(r -> r.getOffsetDateTime(0).toInstant() + "/"
                        + r.getBoolean(1))
                .containsExactly(at(9, 8, 45).toInstant() + "/false", at(9, 10, 45).toInstant() + "/true");
        // the blocker is untouched
        assertThat(database.rows("select status from booking where id = $1", UUID.fromString(blocker)).get(0)
                .getString(0)).isEqualTo("CONFIRMED");
    }

    static void assertField(JsonPath answer, String field) {
        assertThat(errorCode(answer)).as(answer.prettify()).isEqualTo("VALIDATION");
        assertThat(answer.getString("errors[0].extensions.field")).isEqualTo(field);
    }
}
