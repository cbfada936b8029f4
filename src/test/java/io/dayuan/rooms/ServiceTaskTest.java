package io.dayuan.rooms;

import static io.dayuan.GraphQL.errorCode;
import static io.dayuan.rooms.BookingApiTest.assertField;
import static io.dayuan.rooms.RoomFixtures.at;
import static io.dayuan.rooms.RoomFixtures.booking;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dayuan.Demo;
import io.dayuan.GraphQL.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ServiceTaskTest extends RoomTestBase {

    private static final String TASKS = "query($siteId: ID!, $date: Date!, $all: Boolean) { serviceTasks(siteId: $siteId,"
            + " date: $date, includeCancelled: $all) { id kind dueAt status doneAt room { id } booking { id title "
            + "organizer { name } } } }";
    private static final String DONE = "mutation($id: ID!) { markServiceTaskDone(id: $id) { id status doneAt } }";

    @Test
    void facilitiesSeeTheDaysTasksMarkThemDoneAndTheyCancelWithTheirBooking() {
        String room = fixtures.room();
        As staff = graphQL.as("staff");
        Map<String, Object> input = booking(room, at(40, 9, 0), at(40, 10, 0));
        input.put("services", List.of("TEA_SERVICE", "VIDEO_CONFERENCE_SETUP"));
        String id = fixtures.booked(staff, input);
        As facilities = graphQL.as("facilities");
        String date = at(40, 0, 0).toLocalDate().toString();

        JsonPath tasks = graphQL.call(facilities, TASKS, Map.of("siteId", Demo.DEMO_SITE, "date", date));
        assertThat(tasks.getList("errors")).as(tasks.prettify()).isNull();
        List<Map<String, Object>> ours = tasks.<Map<String, Object>> getList("data.serviceTasks").stream()
                .filter(task -> id.equals(((Map<?, ?>) task.get("booking")).get("id"))).toList();
        assertThat(ours).extracting(task -> task.get("kind") + "@" + task.get("dueAt")).containsExactly(
                "TEA_SERVICE@" + at(40, 8, 30).toInstant(),
                "VIDEO_CONFERENCE_SETUP@" + at(40, 8, 30).toInstant(),
                "CLEANING@" + at(40, 10, 0).toInstant());
        assertThat(ours).allSatisfy(task -> assertThat(((Map<?, ?>) task.get("room")).get("id")).isEqualTo(room));

        String tea = (String) ours.get(0).get("id");
        JsonPath done = graphQL.call(facilities, DONE, Map.of("id", tea));
        assertThat(done.getString("data.markServiceTaskDone.status")).isEqualTo("DONE");
        assertThat(done.getString("data.markServiceTaskDone.doneAt")).isNotNull();
        assertThat(graphQL.call(facilities, DONE, Map.of("id", tea)).getString("data.markServiceTaskDone.status"))
                .isEqualTo("DONE");

        graphQL.call(staff, "mutation($id: ID!) { cancelBooking(id: $id) { id } }", Map.of("id", id));
        JsonPath after = graphQL.call(facilities, TASKS, Map.of("siteId", Demo.DEMO_SITE, "date", date));
        // the tea was served already; the rest is cancelled and no longer listed
        assertThat(after.<Map<String, Object>> getList("data.serviceTasks").stream()
                .filter(task -> id.equals(((Map<?, ?>) task.get("booking")).get("id")))
                .map(task -> task.get("kind") + ":" + task.get("status"))).containsExactly("TEA_SERVICE:DONE");
        JsonPath withCancelled = graphQL.call(facilities, TASKS, Map.of("siteId", Demo.DEMO_SITE, "date", date,
                "all", true));
        assertThat(withCancelled.<Map<String, Object>> getList("data.serviceTasks").stream()
                .filter(task -> id.equals(((Map<?, ?>) task.get("booking")).get("id")))
                .map(task -> task.get("status"))).containsExactly("DONE", "CANCELLED", "CANCELLED");
        String video = (String) ours.get(1).get("id");
        assertThat(errorCode(graphQL.call(facilities, DONE, Map.of("id", video)))).isEqualTo("CONFLICT");
    }

    @Test
    void badInputAndWrongRoles() {
        String date = at(40, 0, 0).toLocalDate().toString();
        assertThat(errorCode(graphQL.call(graphQL.as("staff"), TASKS, Map.of("siteId", Demo.DEMO_SITE, "date", date))))
                .isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), TASKS, Map.of("siteId", Demo.DEMO_SITE, "date",
                date)))).isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(graphQL.call(graphQL.as("facilities"), TASKS, Map.of("siteId", Demo.UNKNOWN, "date",
                date)))).isEqualTo("NOT_FOUND");
        assertField(graphQL.call(graphQL.as("facilities"), TASKS, Map.of("siteId", "x", "date", date)), "siteId");
        assertThat(errorCode(graphQL.call(graphQL.as("facilities"), TASKS, Map.of("siteId", Demo.DEMO_SITE,
                "date", "tomorrow")))).isEqualTo("VALIDATION");
        assertThat(errorCode(graphQL.call(graphQL.as("staff"), DONE, Map.of("id", Demo.UNKNOWN))))
                .isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.as("facilities"), DONE, Map.of("id", Demo.UNKNOWN))))
                .isEqualTo("NOT_FOUND");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), DONE, Map.of("id", Demo.UNKNOWN))))
                .isEqualTo("UNAUTHENTICATED");
    }
}
