package io.dayuan.rooms;

import static io.dayuan.GraphQL.errorCode;
import static io.dayuan.rooms.RoomFixtures.at;
import static io.dayuan.rooms.RoomFixtures.booking;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dayuan.GraphQL.As;
import io.quarkus.test.junit.QuarkusTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

@QuarkusTest
class CalendarFeedTest extends RoomTestBase {

    private static final String CREATE = "mutation { createCalendarFeed }";
    private static final String REVOKE = "mutation { revokeCalendarFeed }";

    private static String path(String url) {
        return URI.create(url).getPath();
    }

    @Test
    void aPersonsBookingsAreAPrivateICalendarFeedInTheirLanguage() throws Exception {
        String room = fixtures.room();
        As alex = graphQL.person("feed-" + UUID.randomUUID(), "Alex", null, "en", "staff");
        Map<String, Object> input = booking(room, at(20, 9, 0), at(20, 10, 0));
        String id = fixtures.booked(alex, input);
        String cancelled = fixtures.booked(alex, booking(room, at(20, 11, 0), at(20, 12, 0)));
        graphQL.call(alex, "mutation($id: ID!) { cancelBooking(id: $id) { id } }", Map.of("id", cancelled));
        fixtures.booked(graphQL.as("staff"), booking(room, at(20, 14, 0), at(20, 15, 0)));

        String url = graphQL.call(alex, CREATE).getString("data.createCalendarFeed");
        assertThat(url).matches("http://localhost:8080/calendar/[A-Za-z0-9_-]{40,}\\.ics");
        String ics = given().get(path(url)).then().statusCode(200).contentType("text/calendar; charset=utf-8")
                .extract().asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.getComponents(VEvent.VEVENT)).hasSize(1);
        VEvent event = calendar.<VEvent> getComponents(VEvent.VEVENT).get(0);
        assertThat(event.getSummary().getValue()).isEqualTo(input.get("title"));
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo(id + "@dayuan");
        assertThat(ics).contains("DTSTART:" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .format(at(20, 9, 0).atZoneSameInstant(ZoneOffset.UTC))).contains("X-WR-CALNAME:My room bookings")
                .contains("Room booking (confirmed)");

        // a new URL replaces the old one; revoking makes it 404
        String renewed = graphQL.call(alex, CREATE).getString("data.createCalendarFeed");
        given().get(path(url)).then().statusCode(404);
        given().get(path(renewed)).then().statusCode(200);
        assertThat(graphQL.call(alex, REVOKE).getBoolean("data.revokeCalendarFeed")).isTrue();
        given().get(path(renewed)).then().statusCode(404);
        assertThat(graphQL.call(alex, REVOKE).getBoolean("data.revokeCalendarFeed")).isFalse();
        given().get("/calendar/not-a-token.ics").then().statusCode(404);
    }

    @Test
    void chineseByDefault() {
        As staff = graphQL.as("staff");
        fixtures.booked(staff, booking(fixtures.room(), at(21, 9, 0), at(21, 10, 0)));
        String url = graphQL.call(staff, CREATE).getString("data.createCalendarFeed");
        assertThat(given().get(path(url)).then().statusCode(200).extract().asString())
                .contains("X-WR-CALNAME:我的会议室预定").contains("已确认");
    }

    @Test
    void onlyStaffAndAdminsHaveFeeds() {
        assertThat(errorCode(graphQL.call(graphQL.as("guard"), CREATE))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), CREATE))).isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(graphQL.call(graphQL.as("guard"), REVOKE))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), REVOKE))).isEqualTo("UNAUTHENTICATED");
    }
}
