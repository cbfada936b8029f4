package io.dayuan.visits;

import static io.dayuan.GraphQL.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dayuan.Demo;
import io.dayuan.visits.VisitFixtures.Staff;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Devices, the blocklist, and guards checking visitors in and out by hand. */
@QuarkusTest
class VisitGateTest extends VisitTestBase {

    private static final String REGISTER = "mutation($i: NewDeviceInput!) { registerAccessDevice(input: $i) { id name kind "
            + "vendor direction baseUrl username serialNumber eventSecret gate { id } } }";
    private static final String DEVICES = "query($s: ID!) { accessDevices(siteId: $s) { id serialNumber eventSecret } }";
    private static final String BLOCK = "mutation($i: NewBlockInput!) { blockVisitor(input: $i) { id kind value reason } }";
    private static final String CHECK_IN = "mutation($id: ID!, $g: ID!) { checkInVisit(id: $id, gateId: $g) { status checkedInAt } }";
    private static final String CHECK_OUT = "mutation($id: ID!, $g: ID!) { checkOutVisit(id: $id, gateId: $g) { status checkedOutAt } }";


    // ------------------------------------------------------------------ devices

    @Test
    void anAdminRegistersADeviceWhosePasswordAndSecretStayOnTheServer() {
        String site = fixtures.site();
        String gate = fixtures.gate(site);
        Map<String, Object> input = VisitFixtures.device(gate);
        JsonPath answer = graphQL.call(graphQL.as("admin"), REGISTER, Map.of("i", input));
        assertThat(answer.getList("errors")).as(answer.prettify()).isNull();
        assertThat(answer.getString("data.registerAccessDevice.direction")).isEqualTo("IN");
        assertThat(answer.getString("data.registerAccessDevice.gate.id")).isEqualTo(gate);
        String secret = answer.getString("data.registerAccessDevice.eventSecret");
        assertThat(secret).hasSize(43);
        var row = database.rows("SELECT password_cipher, event_secret_hash FROM access_device WHERE id = $1",
                UUID.fromString(answer.getString("data.registerAccessDevice.id"))).get(0);
        assertThat(new String(row.getBuffer("password_cipher").getBytes())).doesNotContain("Hik12345");
        assertThat(row.getString("event_secret_hash")).isNotEqualTo(secret);

        JsonPath listed = graphQL.call(graphQL.as("admin"), DEVICES, Map.of("s", site));
        assertThat(listed.getList("data.accessDevices.serialNumber")).containsExactly(input.get("serialNumber"));
        assertThat(listed.getList("data.accessDevices.eventSecret")).containsOnlyNulls();
        assertThat(errorCode(graphQL.call(graphQL.as("admin"), REGISTER, Map.of("i", input)))).isEqualTo("CONFLICT");
    }

    @Test
    void badDevicesNameTheField() {
        String gate = fixtures.gate(fixtures.site());
        Map<String, Object> input = VisitFixtures.device(gate);
        input.put("baseUrl", "ftp://device");
        JsonPath answer = graphQL.call(graphQL.as("admin"), REGISTER, Map.of("i", input));
        assertThat(errorCode(answer)).isEqualTo("VALIDATION");
        assertThat(answer.getString("errors[0].extensions.field")).isEqualTo("baseUrl");
        input = VisitFixtures.device(Demo.UNKNOWN);
        assertThat(errorCode(graphQL.call(graphQL.as("admin"), REGISTER, Map.of("i", input)))).isEqualTo("NOT_FOUND");
        input = VisitFixtures.device(gate);
        input.put("kind", "DOORBELL");
        assertThat(errorCode(graphQL.call(graphQL.as("admin"), REGISTER, Map.of("i", input)))).isEqualTo("VALIDATION");
    }

    @Test
    void onlyAdminsManageDevices() {
        Map<String, Object> input = VisitFixtures.device(Demo.SOUTH_GATE);
        assertThat(errorCode(graphQL.call(graphQL.as("guard"), REGISTER, Map.of("i", input)))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), REGISTER, Map.of("i", input))))
                .isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(graphQL.call(graphQL.as("staff"), DEVICES, Map.of("s", Demo.DEMO_SITE))))
                .isEqualTo("FORBIDDEN");
    }

    // ------------------------------------------------------------------ blocklist

    @Test
    void aBlocklistedVisitorsInvitationIsRefusedAndTheirRequestParkedWhileGuardsAreAlerted() {
        graphQL.call(graphQL.as("guard"), "{ me { id } }");
        String site = fixtures.site();
        Map<String, Object> invitation = fixtures.invitation(site);
        String phone = (String) invitation.get("visitorPhone");
        JsonPath blocked = graphQL.call(graphQL.as("admin"), BLOCK,
                Map.of("i", Map.of("kind", "PHONE", "value", phone, "reason", "闹事")));
        assertThat(blocked.getString("data.blockVisitor.value")).isEqualTo("+86" + phone);
        long alerts = database.count("SELECT count(*) FROM notification WHERE kind = 'VISITOR_BLOCKED'");

        assertThat(errorCode(fixtures.invite(fixtures.staff().as(), invitation))).isEqualTo("FORBIDDEN");
        assertThat(database.count("SELECT count(*) FROM visit WHERE site_id = $1", UUID.fromString(site))).isZero();
        assertThat(database.count("SELECT count(*) FROM notification WHERE kind = 'VISITOR_BLOCKED'"))
                .isGreaterThan(alerts);

        Staff host = fixtures.staff();
        graphQL.call(host.as(), "{ me { id } }");
        Map<String, Object> request = new HashMap<>(invitation);
        request.put("hostPhone", host.phone());
        JsonPath answer = fixtures.request(VisitFixtures.address(), request);
        assertThat(answer.getString("data.requestVisit.status")).isEqualTo("REQUESTED");
        assertThat(database.rows("SELECT parked_reason FROM visit WHERE id = $1",
                UUID.fromString(answer.getString("data.requestVisit.id"))).get(0).getString("parked_reason"))
                .isEqualTo("BLOCKLISTED");
        assertThat(database.count("SELECT count(*) FROM notification n JOIN person p ON p.id = n.person_id "
                + "WHERE p.subject = $1", host.subject())).isZero();
    }

    @Test
    void idCardsAndPlatesAreBlocklistedToo() {
        String site = fixtures.site();
        String idCard = "440301199003071230";
        graphQL.call(graphQL.as("admin"), BLOCK, Map.of("i", Map.of("kind", "ID_CARD", "value", idCard)));
        JsonPath byPlate = graphQL.call(graphQL.as("admin"), BLOCK, Map.of("i", Map.of("kind", "PLATE", "value", "鲁B 99999")));
        assertThat(byPlate.getString("data.blockVisitor.value")).isEqualTo("鲁B99999");
        Map<String, Object> withId = fixtures.invitation(site);
        withId.put("visitorIdCard", idCard);
        assertThat(errorCode(fixtures.invite(fixtures.staff().as(), withId))).isEqualTo("FORBIDDEN");
        Map<String, Object> withPlate = fixtures.invitation(site);
        withPlate.put("plate", "鲁B99999");
        assertThat(errorCode(fixtures.invite(fixtures.staff().as(), withPlate))).isEqualTo("FORBIDDEN");

        String entry = byPlate.getString("data.blockVisitor.id");
        JsonPath list = graphQL.call(graphQL.as("admin"), "{ visitBlocklist { id kind } }");
        assertThat(list.getList("data.visitBlocklist.id")).contains(entry);
        assertThat(graphQL.call(graphQL.as("admin"), "mutation($id: ID!) { unblockVisitor(id: $id) }",
                Map.of("id", entry)).getBoolean("data.unblockVisitor")).isTrue();
        assertThat(fixtures.invite(fixtures.staff().as(), withPlate).getList("errors")).isNull();
        assertThat(errorCode(graphQL.call(graphQL.as("admin"), "mutation($id: ID!) { unblockVisitor(id: $id) }",
                Map.of("id", entry)))).isEqualTo("NOT_FOUND");
    }

    @Test
    void badOrUnauthorisedBlocklistingIsRefused() {
        JsonPath bad = graphQL.call(graphQL.as("admin"), BLOCK, Map.of("i", Map.of("kind", "ID_CARD", "value", "123")));
        assertThat(errorCode(bad)).isEqualTo("VALIDATION");
        assertThat(bad.getString("errors[0].extensions.field")).isEqualTo("value");
        assertThat(errorCode(graphQL.call(graphQL.as("staff"), BLOCK,
                Map.of("i", Map.of("kind", "PHONE", "value", "13912345678"))))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.as("guard"), "{ visitBlocklist { id } }"))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), "{ visitBlocklist { id } }")))
                .isEqualTo("UNAUTHENTICATED");
    }

    // ------------------------------------------------------------------ by hand at the gate

    @Test
    void aGuardChecksAVisitorInAndOutByHand() {
        String site = fixtures.site();
        String gate = fixtures.gate(site);
        Staff host = fixtures.staff();
        Map<String, Object> input = fixtures.invitation(site);
        input.put("arriveFrom", VisitFixtures.inHours(0).plusMinutes(10).toString());
        String id = fixtures.invited(host.as(), input).getString("id");

        JsonPath in = graphQL.call(graphQL.as("guard"), CHECK_IN, Map.of("id", id, "g", gate));
        assertThat(in.getString("data.checkInVisit.status")).isEqualTo("CHECKED_IN");
        assertThat(database.count("SELECT count(*) FROM gate_passage WHERE visit_id = $1 AND source = 'GUARD' "
                + "AND direction = 'IN'", UUID.fromString(id))).isEqualTo(1);
        assertThat(database.count("SELECT count(*) FROM notification n JOIN person p ON p.id = n.person_id "
                + "WHERE p.subject = $1 AND n.kind = 'VISITOR_ARRIVED'", host.subject())).isEqualTo(1);
        assertThat(errorCode(graphQL.call(graphQL.as("guard"), CHECK_IN, Map.of("id", id, "g", gate))))
                .isEqualTo("CONFLICT");

        JsonPath out = graphQL.call(graphQL.as("guard"), CHECK_OUT, Map.of("id", id, "g", gate));
        assertThat(out.getString("data.checkOutVisit.status")).isEqualTo("CHECKED_OUT");
        assertThat(database.count("SELECT count(*) FROM gate_passage WHERE visit_id = $1 AND source = 'GUARD' "
                + "AND direction = 'OUT'", UUID.fromString(id))).isEqualTo(1);
        assertThat(errorCode(graphQL.call(graphQL.as("guard"), CHECK_OUT, Map.of("id", id, "g", gate))))
                .isEqualTo("CONFLICT");
    }

    @Test
    void checkingInNeedsAGateOfTheSiteAnAdmissibleVisitAndAGuard() {
        String site = fixtures.site();
        Map<String, Object> input = fixtures.invitation(site);
        input.put("arriveFrom", VisitFixtures.inHours(3).toString());
        input.put("arriveUntil", VisitFixtures.inHours(5).toString());
        String id = fixtures.invited(fixtures.staff().as(), input).getString("id");
        String gate = fixtures.gate(site);

        JsonPath otherSite = graphQL.call(graphQL.as("guard"), CHECK_IN, Map.of("id", id, "g", Demo.SOUTH_GATE));
        assertThat(errorCode(otherSite)).isEqualTo("VALIDATION");
        assertThat(otherSite.getString("errors[0].extensions.field")).isEqualTo("gateId");
        assertThat(errorCode(graphQL.call(graphQL.as("guard"), CHECK_IN, Map.of("id", id, "g", gate))))
                .as("too early").isEqualTo("CONFLICT");
        assertThat(errorCode(graphQL.call(graphQL.as("guard"), CHECK_IN, Map.of("id", Demo.UNKNOWN, "g", gate))))
                .isEqualTo("NOT_FOUND");
        assertThat(errorCode(graphQL.call(graphQL.as("staff"), CHECK_IN, Map.of("id", id, "g", gate))))
                .isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), CHECK_OUT, Map.of("id", id, "g", gate))))
                .isEqualTo("UNAUTHENTICATED");
    }
}
