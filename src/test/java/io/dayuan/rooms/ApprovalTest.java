package io.dayuan.rooms;

import static io.dayuan.GraphQL.errorCode;
import static io.dayuan.rooms.RoomFixtures.at;
import static io.dayuan.rooms.RoomFixtures.booking;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dayuan.Demo;
import io.dayuan.GraphQL.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ApprovalTest extends RoomTestBase {

    private static final String APPROVE = "mutation($id: ID!) { approveBooking(id: $id) { id status } }";
    private static final String REJECT = "mutation($id: ID!, $reason: String) { rejectBooking(id: $id, reason: $reason)"
            + " { id status rejectionReason } }";

    @Test
    void aRoomThatRequiresApprovalHoldsTheSlotUntilAnAdminApproves() {
        String room = fixtures.room(Map.of("requiresApproval", true));
        As staff = graphQL.person("approval-" + UUID.randomUUID(), "Alex Morgan", null, "en", "staff");
        JsonPath booked = fixtures.book(staff, booking(room, at(10, 9, 0), at(10, 10, 0)));
        assertThat(booked.getString("data.bookRoom.status")).isEqualTo("PENDING");
        String id = booked.getString("data.bookRoom.id");
        UUID organizer = UUID.fromString(booked.getString("data.bookRoom.organizer.id"));
        // pending holds the slot; no reminder before approval
        assertThat(errorCode(fixtures.book(graphQL.as("staff"), booking(room, at(10, 9, 30), at(10, 10, 30)))))
                .isEqualTo("CONFLICT");
        assertThat(database.count("select count(*) from notification where cause = $1", "booking:" + id)).isZero();
        assertThat(database.count("select count(*) from notification where kind = 'BOOKING_PENDING' and body like $1",
                "%" + booked.getString("data.bookRoom.title") + "%")).isPositive();

        assertThat(errorCode(graphQL.call(staff, APPROVE, Map.of("id", id)))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), APPROVE, Map.of("id", id))))
                .isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(graphQL.call(graphQL.as("admin"), APPROVE, Map.of("id", Demo.UNKNOWN))))
                .isEqualTo("NOT_FOUND");
        BookingApiTest.assertField(graphQL.call(graphQL.as("admin"), APPROVE, Map.of("id", "nope")), "id");

        JsonPath approved = graphQL.call(graphQL.as("admin"), APPROVE, Map.of("id", id));
        assertThat(approved.getString("data.approveBooking.status")).isEqualTo("CONFIRMED");
        assertThat(database.rows("select title from notification where person_id = $1 and kind = 'BOOKING_APPROVED'",
                organizer)).extracting(r -> r.getString(0)).containsExactly("Room booking approved");
        assertThat(database.rows("select title from notification where cause = $1", "booking:" + id))
                .extracting(r -> r.getString(0)).containsExactly("Meeting reminder");
        assertThat(errorCode(graphQL.call(graphQL.as("admin"), APPROVE, Map.of("id", id)))).isEqualTo("CONFLICT");
    }

    @Test
    void aRejectedBookingFreesTheSlotAndTheOrganizerLearnsWhy() {
        String room = fixtures.room(Map.of("requiresApproval", true));
        As staff = graphQL.as("staff");
        JsonPath booked = fixtures.book(staff, booking(room, at(10, 14, 0), at(10, 15, 0)));
        String id = booked.getString("data.bookRoom.id");
        UUID organizer = UUID.fromString(booked.getString("data.bookRoom.organizer.id"));

        assertThat(errorCode(graphQL.call(staff, REJECT, Map.of("id", id, "reason", "x")))).isEqualTo("FORBIDDEN");
        BookingApiTest.assertField(graphQL.call(graphQL.as("admin"), REJECT,
                Map.of("id", id, "reason", "长".repeat(501))), "reason");

        JsonPath rejected = graphQL.call(graphQL.as("admin"), REJECT, Map.of("id", id, "reason", "领导占用"));
        assertThat(rejected.getString("data.rejectBooking.status")).isEqualTo("REJECTED");
        assertThat(rejected.getString("data.rejectBooking.rejectionReason")).isEqualTo("领导占用");
        assertThat(database.rows("select title, body from notification where person_id = $1"
                + " and kind = 'BOOKING_REJECTED'", organizer)).singleElement()
                .satisfies(r -> assertThat(r.getString(1)).contains("领导占用"));
        assertThat(database.rows("select status from service_task where booking_id = $1", UUID.fromString(id)))
                .extracting(r -> r.getString(0)).containsOnly("CANCELLED");
        assertThat(errorCode(graphQL.call(graphQL.as("admin"), REJECT, Map.of("id", id)))).isEqualTo("CONFLICT");
        // the slot is free again
        assertThat(fixtures.book(graphQL.as("staff"), booking(room, at(10, 14, 0), at(10, 15, 0)))
                .getString("data.bookRoom.status")).isEqualTo("PENDING");
    }
}
