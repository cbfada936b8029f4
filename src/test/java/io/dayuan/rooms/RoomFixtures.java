package io.dayuan.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.Demo;
import io.dayuan.GraphQL;
import io.dayuan.GraphQL.As;
import io.restassured.path.json.JsonPath;

/** Rooms and bookings for the tests: every test makes its own room, so tests never clash with each other. */
@ApplicationScoped
public class RoomFixtures {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    public static final String BOOKING_FIELDS = "id title startsAt endsAt status attendeeCount services seriesId "
            + "skippedDates rejectionReason checkedInAt cursor room { id name } organizer { id name }";
    public static final String BOOK = "mutation($input: NewBookingInput!) { bookRoom(input: $input) { "
            + BOOKING_FIELDS + " } }";

    @Inject
    GraphQL graphQL;

    /** A new room of the demo site, with settings overridden by {@code settings}. */
    public String room(Map<String, Object> settings) {
        Map<String, Object> input = new HashMap<>();
        input.put("siteId", Demo.DEMO_SITE);
        input.put("name", "测试会议室 " + UUID.randomUUID());
        input.put("capacity", 10);
        input.putAll(settings);
        JsonPath created = graphQL.call(graphQL.as("admin"),
                "mutation($input: NewRoomInput!) { createRoom(input: $input) { id } }", Map.of("input", input));
        assertThat(created.getList("errors")).as(created.prettify()).isNull();
        return created.getString("data.createRoom.id");
    }

    public String room() {
        return room(Map.of());
    }

    /** A time {@code days} ahead at hour:minute in Shanghai. */
    public static OffsetDateTime at(int days, int hour, int minute) {
        return LocalDate.now(SHANGHAI).plusDays(days).atTime(hour, minute).atZone(SHANGHAI).toOffsetDateTime();
    }

    /** A few minutes from now, on a whole minute. */
    public static OffsetDateTime minutesFromNow(int minutes) {
        return OffsetDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.MINUTES).plusMinutes(minutes + 1);
    }

    public static Map<String, Object> booking(String roomId, OffsetDateTime startsAt, OffsetDateTime endsAt) {
        Map<String, Object> input = new HashMap<>();
        input.put("roomId", roomId);
        input.put("title", "周例会 " + UUID.randomUUID().toString().substring(0, 8));
        input.put("startsAt", startsAt.toString());
        input.put("endsAt", endsAt.toString());
        return input;
    }

    public JsonPath book(As who, Map<String, Object> input) {
        return graphQL.call(who, BOOK, Map.of("input", input));
    }

    /** Books and asserts it worked; returns the booking's id. */
    public String booked(As who, Map<String, Object> input) {
        JsonPath answer = book(who, input);
        assertThat(answer.getList("errors")).as(answer.prettify()).isNull();
        return answer.getString("data.bookRoom.id");
    }
}
