package io.dayuan.visits.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.dayuan.gates.GateEvent;
import io.dayuan.gates.GateEventKind;
import io.dayuan.gates.service.GateEvents;
import io.dayuan.visits.VisitFixtures.Staff;
import io.dayuan.visits.VisitTestBase;
import io.dayuan.visits.device.SimulatorDriver;
import io.dayuan.visits.device.SimulatorDriver.Command;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;

/**
 * One visit the whole way, with the simulator and a moved clock: invite, consent, face upload, push inside the
 * window, entry event, host told, exit, removal, face deleted after the retention.
 */
@QuarkusTest
class VisitWalkTest extends VisitTestBase {

    private static final String REGISTER = """
            mutation($i: NewDeviceInput!) { registerAccessDevice(input: $i) { id serialNumber eventSecret kind direction
              gate { id } } }""";
    private static final String EXPECTED = "query($s: ID!, $d: Date!) { expectedVisits(siteId: $s, date: $d) { "
            + "id status deviceState faceEnrolled } }";

    @Inject
    io.dayuan.platform.Clock clock;

    @Inject
    DeviceWorker worker;

    @Inject
    Faces faces;

    @Inject
    VisitService visits;

    @Inject
    SimulatorDriver simulator;

    @Inject
    GateEvents gateEvents;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private void at(OffsetDateTime now) {
        clock.set(Clock.fixed(now.toInstant(), ZoneOffset.UTC));
    }

    record Device(String id, String serial, String secret) {
    }

    private Device register(String gate, String kind, String direction) {
        Map<String, Object> input = new HashMap<>(Map.of("gateId", gate, "name", kind + " " + direction, "kind", kind,
                "vendor", "SIMULATOR", "direction", direction, "baseUrl", "http://simulator.local",
                "serialNumber", "SIM-" + UUID.randomUUID()));
        input.put("username", "admin");
        input.put("password", "设备密码");
        JsonPath answer = graphQL.call(graphQL.as("admin"), REGISTER, Map.of("i", input));
        assertThat(answer.getList("errors")).as(answer.prettify()).isNull();
        return new Device(answer.getString("data.registerAccessDevice.id"), answer.getString("data.registerAccessDevice.serialNumber"),
                answer.getString("data.registerAccessDevice.eventSecret"));
    }

    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(64, 80, BufferedImage.TYPE_INT_RGB);
        image.setRGB(10, 10, 0xFFCC99);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static JsonPath event(Device device, String secret, Map<String, Object> body, int status) {
        String basic = Base64.getEncoder().encodeToString((device.serial() + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return given().header("Authorization", "Basic " + basic).contentType("application/json").body(body)
                .post("/devices/" + device.id() + "/events").then().statusCode(status).extract().jsonPath();
    }

    private String date(OffsetDateTime time) {
        return time.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
    }

    @Test
    void aVisitFromInvitationToTheDeletionOfTheFace() throws Throwable {
        OffsetDateTime t0 = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        at(t0);
        String site = fixtures.site();
        String gate = fixtures.gate(site);
        Device entrance = register(gate, "FACE_TERMINAL", "IN");
        Device exit = register(gate, "FACE_TERMINAL", "OUT");
        Device camera = register(gate, "PLATE_CAMERA", "IN");
        Staff host = fixtures.staff();

        // invite
        Map<String, Object> input = fixtures.invitation(site);
        input.put("arriveFrom", t0.plusHours(2).toString());
        input.put("arriveUntil", t0.plusHours(5).toString());
        input.put("plate", "浙A12345");
        JsonPath visit = fixtures.invited(host.as(), input);
        String id = visit.getString("id");
        String token = visit.getString("visitorToken");
        String employeeNo = id.replace("-", "");

        // consent, then the photo
        byte[] photo = png();
        given().header("X-Visitor-Token", token).contentType("image/png").body(photo).put("/visits/" + id + "/face")
                .then().statusCode(403);
        graphQL.call(graphQL.anonymous(), "mutation($t: String!) { giveFaceConsent(token: $t, consentTextVersion: \"v1\") { id } }",
                Map.of("t", token));
        given().header("X-Visitor-Token", token).contentType("image/png").body(photo).put("/visits/" + id + "/face")
                .then().statusCode(204);
        byte[] stored = database.rows("SELECT ciphertext FROM visit_face WHERE visit_id = $1", UUID.fromString(id))
                .get(0).getBuffer("ciphertext").getBytes();
        assertThat(stored).isNotEqualTo(photo);

        // nothing is pushed long before the window
        worker.runDue(t0).await().indefinitely();
        assertThat(simulator.received(entrance.serial())).isEmpty();
        JsonPath expected = graphQL.call(graphQL.as("guard"), EXPECTED, Map.of("s", site, "d", date(t0.plusHours(2))));
        assertThat(expected.getString("data.expectedVisits[0].deviceState")).isEqualTo("SCHEDULED");
        assertThat(expected.getBoolean("data.expectedVisits[0].faceEnrolled")).isTrue();

        // half an hour before the window, the devices get the visitor (with the face) and the plate
        OffsetDateTime push = t0.plusHours(2).minusMinutes(29);
        at(push);
        assertThat(worker.runDue(push).await().indefinitely()).isGreaterThanOrEqualTo(3);
        assertThat(simulator.received(entrance.serial())).extracting(Command::action, Command::subject,
                Command::withFace).containsExactly(org.assertj.core.groups.Tuple.tuple("PUSH_PERSON", employeeNo, true));
        assertThat(simulator.received(exit.serial())).extracting(Command::action).containsExactly("PUSH_PERSON");
        assertThat(simulator.received(camera.serial())).extracting(Command::action, Command::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PUSH_PLATE", "浙A12345"));
        assertThat(simulator.received(entrance.serial()).get(0).window().from()).isEqualTo(t0.plusHours(2));
        assertThat(database.count("SELECT count(*) FROM device_job_attempt a JOIN device_job j ON j.id = a.job_id "
                + "WHERE j.visit_id = $1 AND a.ok", UUID.fromString(id))).isEqualTo(3);
        expected = graphQL.call(graphQL.as("guard"), EXPECTED, Map.of("s", site, "d", date(t0.plusHours(2))));
        assertThat(expected.getString("data.expectedVisits[0].deviceState")).isEqualTo("PUSHED");

        // the entrance sees the face: checked in, the host is told, the visitor is on site
        OffsetDateTime entry = t0.plusHours(2).plusMinutes(10);
        at(entry);
        Map<String, Object> came = Map.of("serialNo", "1001", "employeeNo", employeeNo, "time", entry.toString());
        JsonPath first = event(entrance, entrance.secret(), came, 200);
        assertThat(first.getBoolean("recorded")).isTrue();
        assertThat(first.getString("visitStatus")).isEqualTo("CHECKED_IN");
        JsonPath again = event(entrance, entrance.secret(), came, 200);
        assertThat(again.getBoolean("recorded")).isFalse();
        assertThat(database.count("SELECT count(*) FROM gate_passage WHERE visit_id = $1 AND source = 'DEVICE'",
                UUID.fromString(id))).isEqualTo(1);
        assertThat(database.count("SELECT count(*) FROM notification n JOIN person p ON p.id = n.person_id "
                + "WHERE p.subject = $1 AND n.kind = 'VISITOR_ARRIVED'", host.subject())).isEqualTo(1);
        JsonPath onSite = graphQL.call(graphQL.as("guard"),
                "query($s: ID!) { onSite(siteId: $s) { visitId subjectKind source } }", Map.of("s", site));
        assertThat(onSite.getList("data.onSite.visitId")).containsExactly(id);

        // the exit sees the face: checked out, no longer on site
        OffsetDateTime out = t0.plusHours(3);
        at(out);
        JsonPath left = event(exit, exit.secret(), Map.of("serialNo", "77", "employeeNo", employeeNo,
                "time", out.toString()), 200);
        assertThat(left.getString("visitStatus")).isEqualTo("CHECKED_OUT");
        onSite = graphQL.call(graphQL.as("guard"), "query($s: ID!) { onSite(siteId: $s) { visitId } }",
                Map.of("s", site));
        assertThat(onSite.getList("data.onSite.visitId")).doesNotContain(id);

        // after the window the devices forget the visitor
        OffsetDateTime end = t0.plusHours(5);
        at(end);
        assertThat(worker.runDue(end).await().indefinitely()).isGreaterThanOrEqualTo(3);
        assertThat(simulator.received(entrance.serial())).extracting(Command::action)
                .containsExactly("PUSH_PERSON", "REMOVE_PERSON");
        assertThat(simulator.received(camera.serial())).extracting(Command::action)
                .containsExactly("PUSH_PLATE", "REMOVE_PLATE");
        expected = graphQL.call(graphQL.as("guard"), EXPECTED, Map.of("s", site, "d", date(t0.plusHours(2))));
        assertThat(expected.getString("data.expectedVisits[0].deviceState")).isEqualTo("REMOVED");

        // the face outlives the visit by the retention, not longer
        faces.purge(out.plus(Duration.ofHours(23)));
        assertThat(database.count("SELECT count(*) FROM visit_face WHERE visit_id = $1", UUID.fromString(id)))
                .isEqualTo(1);
        faces.purge(out.plus(Duration.ofHours(24)));
        assertThat(database.count("SELECT count(*) FROM visit_face WHERE visit_id = $1", UUID.fromString(id))).isZero();
        assertThat(database.rows("SELECT reason FROM visit_face_deletion WHERE visit_id = $1", UUID.fromString(id))
                .get(0).getString("reason")).isEqualTo("RETENTION");
    }

    @Test
    void aFailedPushIsRetriedWithBackoffShowsInTheGuardsListAndAlertsTheGate() throws Throwable {
        OffsetDateTime t0 = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        at(t0);
        String site = fixtures.site();
        String gate = fixtures.gate(site);
        Device terminal = register(gate, "FACE_TERMINAL", "IN");
        simulator.fail(terminal.serial(), true);
        AssertSubscriber<GateEvent> feed = gateEvents.of(UUID.fromString(site)).subscribe()
                .withSubscriber(AssertSubscriber.create(10));
        try {
            Map<String, Object> input = fixtures.invitation(site);
            input.put("arriveFrom", t0.plusMinutes(10).toString());
            input.put("arriveUntil", t0.plusHours(2).toString());
            String id = fixtures.invited(fixtures.staff().as(), input).getString("id");

            assertThat(worker.runDue(t0).await().indefinitely()).isGreaterThanOrEqualTo(1);
            var job = database.rows("SELECT status, attempts, last_error, due_at FROM device_job WHERE visit_id = $1 "
                    + "AND action = 'PUSH_PERSON'", UUID.fromString(id)).get(0);
            assertThat(job.getString("status")).isEqualTo("PENDING");
            assertThat(job.getInteger("attempts")).isEqualTo(1);
            assertThat(job.getString("last_error")).contains("failing");
            assertThat(job.getOffsetDateTime("due_at")).isAfter(t0);
            JsonPath expected = graphQL.call(graphQL.as("guard"), EXPECTED, Map.of("s", site, "d", date(t0.plusMinutes(10))));
            assertThat(expected.getString("data.expectedVisits[0].deviceState")).isEqualTo("FAILED");
            feed.awaitItems(1, Duration.ofSeconds(5));
            assertThat(feed.getItems().get(0).kind()).isEqualTo(GateEventKind.ALERT);
            assertThat(feed.getItems().get(0).detail()).contains("PUSH_PERSON");

            // not retried before the backoff, and then it works
            worker.runDue(t0.plusSeconds(5)).await().indefinitely();
            assertThat(database.count("SELECT attempts FROM device_job WHERE visit_id = $1 AND action = 'PUSH_PERSON'", UUID.fromString(id)))
                    .isEqualTo(1);
            simulator.fail(terminal.serial(), false);
            assertThat(worker.runDue(t0.plusMinutes(1)).await().indefinitely()).isGreaterThanOrEqualTo(1);
            expected = graphQL.call(graphQL.as("guard"), EXPECTED, Map.of("s", site, "d", date(t0.plusMinutes(10))));
            assertThat(expected.getString("data.expectedVisits[0].deviceState")).isEqualTo("PUSHED");
            assertThat(database.count("SELECT count(*) FROM device_job_attempt a JOIN device_job j ON j.id = a.job_id "
                    + "WHERE j.visit_id = $1", UUID.fromString(id))).isEqualTo(2);
        } finally {
            simulator.fail(terminal.serial(), false);
            feed.cancel();
        }
    }

    @Test
    void cancellingRemovesTheVisitorFromDevicesAndDeletesTheFaceWithARecord() throws Throwable {
        OffsetDateTime t0 = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        at(t0);
        String site = fixtures.site();
        Device terminal = register(fixtures.gate(site), "FACE_TERMINAL", "IN");
        Map<String, Object> input = fixtures.invitation(site);
        input.put("arriveFrom", t0.plusMinutes(10).toString());
        JsonPath visit = fixtures.invited(fixtures.staff().as(), input);
        String id = visit.getString("id");
        String token = visit.getString("visitorToken");
        graphQL.call(graphQL.anonymous(), "mutation($t: String!) { giveFaceConsent(token: $t, consentTextVersion: \"v1\") { id } }",
                Map.of("t", token));
        given().header("X-Visitor-Token", token).contentType("image/png").body(png()).put("/visits/" + id + "/face")
                .then().statusCode(204);
        worker.runDue(t0).await().indefinitely();
        assertThat(simulator.received(terminal.serial())).extracting(Command::action).containsExactly("PUSH_PERSON");

        graphQL.call(graphQL.anonymous(), "mutation($t: String!) { cancelVisitAsVisitor(token: $t) { id } }",
                Map.of("t", token));
        assertThat(database.count("SELECT count(*) FROM visit_face WHERE visit_id = $1", UUID.fromString(id))).isZero();
        assertThat(database.rows("SELECT reason FROM visit_face_deletion WHERE visit_id = $1", UUID.fromString(id))
                .get(0).getString("reason")).isEqualTo("CANCELLED");
        worker.runDue(t0.plusSeconds(1)).await().indefinitely();
        assertThat(simulator.received(terminal.serial())).extracting(Command::action)
                .containsExactly("PUSH_PERSON", "REMOVE_PERSON");
    }

    @Test
    void visitsNotUsedByTheEndOfTheirWindowExpire() throws Throwable {
        OffsetDateTime t0 = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        String site = fixtures.site();
        Map<String, Object> input = fixtures.invitation(site);
        input.put("arriveFrom", t0.plusHours(1).toString());
        input.put("arriveUntil", t0.plusHours(2).toString());
        String id = fixtures.invited(fixtures.staff().as(), input).getString("id");
        io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> visits.expire(t0.plusHours(1)));
        assertThat(status(id)).isEqualTo("APPROVED");
        io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> visits.expire(t0.plusHours(2)));
        assertThat(status(id)).isEqualTo("EXPIRED");
    }

    private String status(String id) {
        return database.rows("SELECT status FROM visit WHERE id = $1", UUID.fromString(id)).get(0).getString("status");
    }
}
