package io.dayuan.rooms;

import static io.dayuan.GraphQL.errorCode;
import static io.dayuan.rooms.BookingApiTest.assertField;
import static io.dayuan.rooms.RoomFixtures.at;
import static io.dayuan.rooms.RoomFixtures.booking;
import static io.dayuan.rooms.RoomFixtures.minutesFromNow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.Demo;
import io.dayuan.GraphQL.As;
import io.dayuan.rooms.service.BookingService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class CheckInTest extends RoomTestBase {

    private static final String CHECK_IN = "mutation($id: ID!, $code: String) { checkInBooking(id: $id, doorCode: $code)"
            + " { id status checkedInAt } }";
    private static final String DOOR_CODE = "query($roomId: ID!) { roomDoorCode(roomId: $roomId) }";

    @Inject
    BookingService bookings;

    @Test
    void theOrganizerChecksInWithTheDoorCodeWithinTheWindow() {
        String room = fixtures.room();
        As staff = graphQL.as("staff");
        String id = fixtures.booked(staff, booking(room, minutesFromNow(5), minutesFromNow(35)));
        String code = graphQL.call(graphQL.as("admin"), DOOR_CODE, Map.of("roomId", room))
                .getString("data.roomDoorCode");
        assertThat(code).startsWith("dayuan-room:");
        String otherCode = graphQL.call(graphQL.as("admin"), DOOR_CODE, Map.of("roomId", Demo.FIRST_MEETING_ROOM))
                .getString("data.roomDoorCode");

        assertField(graphQL.call(staff, CHECK_IN, Map.of("id", id, "code", otherCode)), "doorCode");
        assertThat(errorCode(graphQL.call(graphQL.as("staff"), CHECK_IN, Map.of("id", id, "code", code))))
                .isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.as("guard"), CHECK_IN, Map.of("id", id)))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), CHECK_IN, Map.of("id", id))))
                .isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(graphQL.call(staff, CHECK_IN, Map.of("id", Demo.UNKNOWN)))).isEqualTo("NOT_FOUND");

        JsonPath checkedIn = graphQL.call(staff, CHECK_IN, Map.of("id", id, "code", code));
        assertThat(checkedIn.getList("errors")).as(checkedIn.prettify()).isNull();
        assertThat(checkedIn.getString("data.checkInBooking.status")).isEqualTo("CHECKED_IN");
        assertThat(checkedIn.getString("data.checkInBooking.checkedInAt")).isNotNull();
        assertThat(errorCode(graphQL.call(staff, CHECK_IN, Map.of("id", id, "code", code)))).isEqualTo("CONFLICT");
    }

    @Test
    void checkInBeforeTheWindowOpensIsAConflict() {
        String room = fixtures.room();
        As staff = graphQL.as("staff");
        String id = fixtures.booked(staff, booking(room, at(2, 9, 0), at(2, 10, 0)));
        assertThat(errorCode(graphQL.call(staff, CHECK_IN, Map.of("id", id)))).isEqualTo("CONFLICT");
        assertThat(database.rows("select status from booking where id = $1", UUID.fromString(id)).get(0).getString(0))
                .isEqualTo("CONFIRMED");
    }

    @Test
    void onlyAdminsReadDoorCodes() {
        String room = fixtures.room();
        assertThat(errorCode(graphQL.call(graphQL.as("staff"), DOOR_CODE, Map.of("roomId", room))))
                .isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), DOOR_CODE, Map.of("roomId", room))))
                .isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(graphQL.call(graphQL.as("admin"), DOOR_CODE, Map.of("roomId", Demo.UNKNOWN))))
                .isEqualTo("NOT_FOUND");
        assertField(graphQL.call(graphQL.as("admin"), DOOR_CODE, Map.of("roomId", "x")), "roomId");
        String before = graphQL.call(graphQL.as("admin"), DOOR_CODE, Map.of("roomId", room))
                .getString("data.roomDoorCode");
        String rotated = graphQL.call(graphQL.as("admin"), "mutation($roomId: ID!) { rotateRoomDoorCode(roomId: "
                + "$roomId) }", Map.of("roomId", room)).getString("data.rotateRoomDoorCode");
        assertThat(rotated).isNotEqualTo(before);
        assertThat(graphQL.call(graphQL.as("admin"), DOOR_CODE, Map.of("roomId", room))
                .getString("data.roomDoorCode")).isEqualTo(rotated);
    }

    @Test
    void theJobReleasesABookingNobodyCheckedInAndTheSlotCanBeBookedAgain() throws Throwable {
        String room = fixtures.room();
        As staff = graphQL.as("staff");
        OffsetDateTime start = minutesFromNow(5);
        Map<String, Object> input = booking(room, start, start.plusMinutes(30));
        input.put("services", List.of("TEA_SERVICE"));
        String noShow = fixtures.booked(staff, input);
        String attended = fixtures.booked(staff, booking(room, start.plusMinutes(40), start.plusMinutes(60)));

        // a minute before the window closes nothing happens
        VertxContextSupport.subscribeAndAwait(() -> bookings.releaseNoShows(start.plusMinutes(14)));
        assertThat(status(noShow)).isEqualTo("CONFIRMED");

        int released = VertxContextSupport.subscribeAndAwait(() -> bookings.releaseNoShows(start.plusMinutes(15)));
        assertThat(released).isPositive();
        assertThat(status(noShow)).isEqualTo("RELEASED");
        assertThat(status(attended)).isEqualTo("CONFIRMED");
        assertThat(database.rows("select status from service_task where booking_id = $1", UUID.fromString(noShow)))
                .extracting(r -> r.getString(0)).containsOnly("CANCELLED");
        assertThat(database.count("select count(*) from notification where kind = 'BOOKING_RELEASED' and body like $1",
                "%" + input.get("title") + "%")).isEqualTo(1);
        // running it again (as another replica would) changes nothing
        VertxContextSupport.subscribeAndAwait(() -> bookings.releaseNoShows(start.plusMinutes(15)));
        assertThat(database.count("select count(*) from notification where kind = 'BOOKING_RELEASED' and body like $1",
                "%" + input.get("title") + "%")).isEqualTo(1);

        // the slot is free again
        JsonPath again = fixtures.book(graphQL.as("staff"), booking(room, start, start.plusMinutes(30)));
        assertThat(again.getList("errors")).as(again.prettify()).isNull();
        assertThat(again.getString("data.bookRoom.status")).isEqualTo("CONFIRMED");
    }

    private String status(String id) {
        return database.rows("select status from booking where id = $1", UUID.fromString(id)).get(0).getString(0);
    }
}
