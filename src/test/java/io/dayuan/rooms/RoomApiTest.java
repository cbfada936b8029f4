package io.dayuan.rooms;

import static io.dayuan.GraphQL.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dayuan.Demo;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class RoomApiTest extends RoomTestBase {

    private static final String CREATE = """
            mutation($input: NewRoomInput!) {
              createRoom(input: $input) { id name capacity equipment requiresApproval cleanupMinutes site { id } }
            }""";

    private static Map<String, Object> room(String name) {
        Map<String, Object> input = new HashMap<>();
        input.put("siteId", Demo.DEMO_SITE);
        input.put("name", name);
        input.put("capacity", 16);
        return input;
    }

    @Test
    void adminAddsARoomWithItsEquipment() {
        Map<String, Object> input = room("小会议室 " + UUID.randomUUID());
        input.put("equipment", new String[] { "WHITEBOARD", "SCREEN_CAST", "WHITEBOARD" });
        input.put("requiresApproval", true);
        input.put("cleanupMinutes", 20);
        JsonPath created = graphQL.call(graphQL.as("admin"), CREATE, Map.of("input", input));
        assertThat(created.getList("errors")).isNull();
        assertThat(created.getList("data.createRoom.equipment")).containsExactly("WHITEBOARD", "SCREEN_CAST");
        assertThat(created.getBoolean("data.createRoom.requiresApproval")).isTrue();
        assertThat(created.getInt("data.createRoom.cleanupMinutes")).isEqualTo(20);
        assertThat(created.getString("data.createRoom.site.id")).isEqualTo(Demo.DEMO_SITE);
        assertThat(database.rows("select capacity, equipment::text from room where id = $1",
                UUID.fromString(created.getString("data.createRoom.id"))).get(0).getString(1))
                .isEqualTo("{WHITEBOARD,SCREEN_CAST}");
    }

    @Test
    void defaultsAreNoEquipmentNoApprovalNoCleanup() {
        JsonPath created = graphQL.call(graphQL.as("admin"), CREATE, Map.of("input", room("默认 " + UUID.randomUUID())));
        assertThat(created.getList("data.createRoom.equipment")).isEmpty();
        assertThat(created.getBoolean("data.createRoom.requiresApproval")).isFalse();
        assertThat(created.getInt("data.createRoom.cleanupMinutes")).isZero();
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String name = "坏 " + UUID.randomUUID();
        Map<String, Object> noSeats = room(name);
        noSeats.put("capacity", 0);
        JsonPath answer = graphQL.call(graphQL.as("admin"), CREATE, Map.of("input", noSeats));
        assertThat(errorCode(answer)).isEqualTo("VALIDATION");
        assertThat(answer.getString("errors[0].extensions.field")).isEqualTo("capacity");

        Map<String, Object> longCleanup = room(name);
        longCleanup.put("cleanupMinutes", -5);
        answer = graphQL.call(graphQL.as("admin"), CREATE, Map.of("input", longCleanup));
        assertThat(answer.getString("errors[0].extensions.field")).isEqualTo("cleanupMinutes");

        Map<String, Object> elsewhere = room(name);
        elsewhere.put("siteId", Demo.UNKNOWN);
        assertThat(errorCode(graphQL.call(graphQL.as("admin"), CREATE, Map.of("input", elsewhere))))
                .isEqualTo("NOT_FOUND");
        assertThat(database.count("select count(*) from room where name = $1", name)).isZero();

        assertThat(errorCode(graphQL.call(graphQL.as("admin"), CREATE, Map.of("input", room("第一会议室")))))
                .isEqualTo("CONFLICT");
    }

    @Test
    void onlyAdminsAddRooms() {
        assertThat(errorCode(graphQL.call(graphQL.as("staff", "facilities"), CREATE, Map.of("input", room("Z")))))
                .isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), CREATE, Map.of("input", room("Z")))))
                .isEqualTo("UNAUTHENTICATED");
    }

    private static final String UPDATE = """
            mutation($input: RoomChangeInput!) {
              updateRoom(input: $input) { id name capacity equipment requiresApproval cleanupMinutes horizonDays
                maxBookingMinutes checkInBeforeMinutes checkInAfterMinutes }
            }""";
    private static final String SEARCH = """
            query($siteId: ID, $min: Int, $eq: [Equipment], $from: DateTime, $to: DateTime) {
              rooms(siteId: $siteId, minCapacity: $min, equipment: $eq, freeFrom: $from, freeTo: $to) { id name }
            }""";

    @Test
    void newRoomsHaveTheDefaultBookingRules() {
        String id = fixtures.room();
        JsonPath room = graphQL.call(graphQL.as("admin"), UPDATE, Map.of("input", Map.of("id", id)));
        assertThat(room.getInt("data.updateRoom.horizonDays")).isEqualTo(90);
        assertThat(room.getInt("data.updateRoom.maxBookingMinutes")).isEqualTo(720);
        assertThat(room.getInt("data.updateRoom.checkInBeforeMinutes")).isEqualTo(10);
        assertThat(room.getInt("data.updateRoom.checkInAfterMinutes")).isEqualTo(15);
    }

    @Test
    void adminEditsARoomAndWhatIsLeftOutStays() {
        String id = fixtures.room(Map.of("equipment", List.of("WHITEBOARD"), "cleanupMinutes", 5));
        String name = "改名 " + UUID.randomUUID();
        Map<String, Object> change = new HashMap<>();
        change.put("id", id);
        change.put("name", name);
        change.put("capacity", 40);
        change.put("requiresApproval", true);
        change.put("horizonDays", 30);
        change.put("maxBookingMinutes", 240);
        change.put("checkInBeforeMinutes", 5);
        change.put("checkInAfterMinutes", 20);
        JsonPath updated = graphQL.call(graphQL.as("admin"), UPDATE, Map.of("input", change));
        assertThat(updated.getList("errors")).as(updated.prettify()).isNull();
        assertThat(updated.getString("data.updateRoom.name")).isEqualTo(name);
        assertThat(updated.getInt("data.updateRoom.capacity")).isEqualTo(40);
        assertThat(updated.getList("data.updateRoom.equipment")).containsExactly("WHITEBOARD");
        assertThat(updated.getInt("data.updateRoom.cleanupMinutes")).isEqualTo(5);
        assertThat(updated.getBoolean("data.updateRoom.requiresApproval")).isTrue();
        var row = database.rows("select horizon_days, max_booking_minutes, check_in_before_minutes,"
                + " check_in_after_minutes, name from room where id = $1", UUID.fromString(id)).get(0);
        assertThat(List.of(row.getInteger(0), row.getInteger(1), row.getInteger(2), row.getInteger(3)))
                .containsExactly(30, 240, 5, 20);
        assertThat(row.getString(4)).isEqualTo(name);
    }

    @Test
    void badEditsAreRefusedNamingTheFieldAndChangeNothing() {
        String id = fixtures.room();
        for (var bad : List.of(Map.of("capacity", 0), Map.of("horizonDays", 0), Map.of("maxBookingMinutes", 5),
                Map.of("checkInAfterMinutes", 0), Map.of("cleanupMinutes", 241), Map.of("name", ""))) {
            Map<String, Object> change = new HashMap<>(bad);
            change.put("id", id);
            JsonPath answer = graphQL.call(graphQL.as("admin"), UPDATE, Map.of("input", change));
            assertThat(errorCode(answer)).as(answer.prettify()).isEqualTo("VALIDATION");
            assertThat(answer.getString("errors[0].extensions.field")).isEqualTo(bad.keySet().iterator().next());
        }
        assertThat(database.count("select count(*) from room where id = $1 and capacity = 10 and horizon_days = 90",
                UUID.fromString(id))).isEqualTo(1);
        assertThat(errorCode(graphQL.call(graphQL.as("admin"), UPDATE, Map.of("input", Map.of("id", Demo.UNKNOWN)))))
                .isEqualTo("NOT_FOUND");
        assertThat(errorCode(graphQL.call(graphQL.as("admin"), UPDATE,
                Map.of("input", Map.of("id", id, "name", "第一会议室"))))).isEqualTo("CONFLICT");
        assertThat(errorCode(graphQL.call(graphQL.as("staff"), UPDATE, Map.of("input", Map.of("id", id)))))
                .isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), UPDATE, Map.of("input", Map.of("id", id)))))
                .isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void searchFindsRoomsFreeForTheWholeSpanCleanupIncluded() {
        String site = graphQL.call(graphQL.as("admin"), "mutation($n: String!) { createSite(input: {name: $n}) { id } }",
                Map.of("n", "搜索院区 " + UUID.randomUUID())).getString("data.createSite.id");
        String small = fixtures.room(Map.of("siteId", site, "capacity", 4, "equipment", List.of("WHITEBOARD")));
        String busy = fixtures.room(Map.of("siteId", site, "capacity", 20, "cleanupMinutes", 30,
                "equipment", List.of("PROJECTOR", "WHITEBOARD")));
        String free = fixtures.room(Map.of("siteId", site, "capacity", 20, "cleanupMinutes", 30,
                "equipment", List.of("PROJECTOR", "WHITEBOARD", "MICROPHONE")));
        String later = fixtures.room(Map.of("siteId", site, "capacity", 20, "cleanupMinutes", 30,
                "equipment", List.of("PROJECTOR")));
        var staff = graphQL.as("staff");
        // busy is taken 10:00-11:00 (held until 11:30); later is taken from 12:20, within the cleanup after 12:00
        fixtures.booked(staff, RoomFixtures.booking(busy, RoomFixtures.at(3, 10, 0), RoomFixtures.at(3, 11, 0)));
        fixtures.booked(staff, RoomFixtures.booking(later, RoomFixtures.at(3, 12, 20), RoomFixtures.at(3, 13, 0)));

        Map<String, Object> query = new HashMap<>();
        query.put("siteId", site);
        assertThat(graphQL.call(staff, SEARCH, query).getList("data.rooms.id"))
                .containsExactlyInAnyOrder(small, busy, free, later);
        query.put("min", 10);
        query.put("eq", List.of("PROJECTOR"));
        query.put("from", RoomFixtures.at(3, 11, 15).toString());
        query.put("to", RoomFixtures.at(3, 12, 0).toString());
        JsonPath found = graphQL.call(staff, SEARCH, query);
        assertThat(found.getList("errors")).as(found.prettify()).isNull();
        assertThat(found.getList("data.rooms.id")).containsExactly(free);
        query.put("from", RoomFixtures.at(3, 11, 30).toString());
        query.put("to", RoomFixtures.at(3, 11, 50).toString());
        assertThat(graphQL.call(staff, SEARCH, query).getList("data.rooms.id"))
                .containsExactlyInAnyOrder(busy, free, later);
        query.put("eq", List.of("PROJECTOR", "MICROPHONE"));
        assertThat(graphQL.call(staff, SEARCH, query).getList("data.rooms.id")).containsExactly(free);

        query.put("to", RoomFixtures.at(3, 11, 0).toString());
        JsonPath backwards = graphQL.call(staff, SEARCH, query);
        assertThat(errorCode(backwards)).isEqualTo("VALIDATION");
        assertThat(backwards.getString("errors[0].extensions.field")).isEqualTo("freeTo");
        query.remove("to");
        assertThat(graphQL.call(staff, SEARCH, query).getString("errors[0].extensions.field")).isEqualTo("freeTo");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), SEARCH, Map.of()))).isEqualTo("UNAUTHENTICATED");
        assertThat(graphQL.call(staff, SEARCH, Map.of("siteId", "bad")).getString("errors[0].extensions.field"))
                .isEqualTo("siteId");
    }
}
