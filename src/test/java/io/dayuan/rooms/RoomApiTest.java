package io.dayuan.rooms;

import static io.dayuan.GraphQL.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.Database;
import io.dayuan.GraphQL;
import io.dayuan.Demo;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class RoomApiTest {

    private static final String CREATE = """
            mutation($input: NewRoomInput!) {
              createRoom(input: $input) { id name capacity equipment requiresApproval cleanupMinutes site { id } }
            }""";

    @Inject
    GraphQL graphQL;

    @Inject
    Database database;

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
}
