package io.dayuan.visits.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dayuan.visits.VisitFixtures;
import io.dayuan.visits.VisitTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class DeviceEventResourceTest extends VisitTestBase {

    record Device(String id, String secret) {
    }

    private Device camera(String site) {
        JsonPath answer = graphQL.call(graphQL.as("admin"), """
                mutation($g: ID!, $s: String!) { registerAccessDevice(input: {gateId: $g, name: "车道", kind: PLATE_CAMERA,
                  vendor: SIMULATOR, baseUrl: "http://10.0.0.9", serialNumber: $s}) { id eventSecret } }""",
                Map.of("g", fixtures.gate(site), "s", "CAM-" + UUID.randomUUID()));
        return new Device(answer.getString("data.registerAccessDevice.id"), answer.getString("data.registerAccessDevice.eventSecret"));
    }

    private static JsonPath post(Device device, String secret, Object body, int status) {
        String basic = Base64.getEncoder().encodeToString(("device:" + secret).getBytes(StandardCharsets.UTF_8));
        return given().header("Authorization", "Basic " + basic).contentType("application/json").body(body)
                .post("/devices/" + device.id() + "/events").then().statusCode(status).extract().jsonPath();
    }

    @Test
    void aPlateCameraChecksTheVisitInByItsHikvisionAnprEventOnce() {
        String site = fixtures.site();
        Device camera = camera(site);
        Map<String, Object> input = fixtures.invitation(site);
        input.put("arriveFrom", VisitFixtures.inHours(0).plusMinutes(5).toString());
        input.put("plate", "苏E·12345");
        String id = fixtures.invited(fixtures.staff().as(), input).getString("id");

        Map<String, Object> anpr = Map.of("UUID", "evt-1", "ANPR", Map.of("licensePlate", "苏E12345"));
        JsonPath first = post(camera, camera.secret(), anpr, 200);
        assertThat(first.getString("visitId")).isEqualTo(id);
        assertThat(first.getString("visitStatus")).isEqualTo("CHECKED_IN");
        assertThat(post(camera, camera.secret(), anpr, 200).getBoolean("recorded")).isFalse();
        assertThat(database.count("SELECT count(*) FROM device_event WHERE visit_id = $1", UUID.fromString(id)))
                .isEqualTo(1);
        assertThat(database.count("SELECT count(*) FROM gate_passage WHERE visit_id = $1 AND source = 'DEVICE'",
                UUID.fromString(id))).isEqualTo(1);
    }

    @Test
    void aHikvisionAccessEventAboutNoVisitIsRecordedAndMovesNothing() {
        Device camera = camera(fixtures.site());
        Map<String, Object> event = Map.of("dateTime", "2026-11-26T08:00:00+08:00", "AccessControllerEvent",
                Map.of("serialNo", 42, "employeeNoString", "stranger", "attendanceStatus", "checkIn"));
        JsonPath answer = post(camera, camera.secret(), event, 200);
        assertThat(answer.getBoolean("recorded")).isTrue();
        assertThat(answer.getString("visitId")).isNull();
    }

    @Test
    void eventsNeedTheDevicesOwnSecret() {
        Device camera = camera(fixtures.site());
        Device other = camera(fixtures.site());
        Map<String, Object> event = Map.of("serialNo", "1", "plate", "京A12345");
        assertThat(post(camera, other.secret(), event, 401).getString("errors[0].extensions.code"))
                .isEqualTo("UNAUTHENTICATED");
        given().contentType("application/json").body(event).post("/devices/" + camera.id() + "/events").then()
                .statusCode(401);
        assertThat(post(new Device(UUID.randomUUID().toString(), "x"), "x", event, 401)
                .getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void badEventsNameTheField() {
        Device camera = camera(fixtures.site());
        Map<String, Object> noSerial = new HashMap<>(Map.of("plate", "京A12345"));
        assertThat(post(camera, camera.secret(), noSerial, 400).getString("errors[0].extensions.field"))
                .isEqualTo("serialNo");
        assertThat(post(camera, camera.secret(), Map.of("serialNo", "2", "plate", "ABC"), 400)
                .getString("errors[0].extensions.field")).isEqualTo("plate");
        assertThat(post(camera, camera.secret(), Map.of("serialNo", "3", "plate", "京A12345", "direction", "UP"), 400)
                .getString("errors[0].extensions.field")).isEqualTo("direction");
        assertThat(post(camera, camera.secret(), "not json", 400).getString("errors[0].extensions.code"))
                .isEqualTo("VALIDATION");
    }

    @Test
    void aHikvisionEventIsHeldToTheLimitsOfAnyInput() {
        Device camera = camera(fixtures.site());
        Map<String, Object> huge = Map.of("dateTime", "2026-11-26T08:00:00+08:00", "AccessControllerEvent",
                Map.of("serialNo", 43, "employeeNoString", "9".repeat(10_000), "attendanceStatus", "checkIn"));
        assertThat(post(camera, camera.secret(), huge, 400).getString("errors[0].extensions.field"))
                .isEqualTo("employeeNoString");
        Map<String, Object> negative = Map.of("dateTime", "2026-11-26T08:00:00+08:00", "AccessControllerEvent",
                Map.of("serialNo", -1, "employeeNoString", "stranger", "attendanceStatus", "checkIn"));
        assertThat(post(camera, camera.secret(), negative, 400).getString("errors[0].extensions.field"))
                .isEqualTo("serialNo");
        Map<String, Object> nul = Map.of("serialNo", "4", "employeeNo", "a\u0000b");
        assertThat(post(camera, camera.secret(), nul, 400).getString("errors[0].extensions.field"))
                .isEqualTo("employeeNo");
        Map<String, Object> farFuture = Map.of("serialNo", "5", "plate", "京A12345", "time", "9999-12-31T00:00:00Z");
        assertThat(post(camera, camera.secret(), farFuture, 400).getString("errors[0].extensions.field"))
                .isEqualTo("time");
    }
}
