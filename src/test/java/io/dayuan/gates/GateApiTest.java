package io.dayuan.gates;

import static io.dayuan.GraphQL.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

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
class GateApiTest {

    private static final String CREATE = "mutation($input: NewGateInput!) { createGate(input: $input) { id name kind site { id } } }";

    @Inject
    GraphQL graphQL;

    @Inject
    Database database;

    @Test
    void adminAddsAGateThatGuardsSeeAtTheSite() {
        String name = "北门 " + UUID.randomUUID();
        JsonPath created = graphQL.call(graphQL.as("admin"), CREATE,
                Map.of("input", Map.of("siteId", Demo.DEMO_SITE, "name", name, "kind", "PEDESTRIAN")));
        assertThat(created.getString("data.createGate.kind")).isEqualTo("PEDESTRIAN");
        assertThat(created.getString("data.createGate.site.id")).isEqualTo(Demo.DEMO_SITE);
        assertThat(database.count("select count(*) from gate where name = $1 and kind = 'PEDESTRIAN'", name))
                .isEqualTo(1);

        JsonPath gates = graphQL.call(graphQL.as("guard"), "query($s: ID!) { gates(siteId: $s) { name site { name } } }",
                Map.of("s", Demo.DEMO_SITE));
        assertThat(gates.getList("data.gates.name")).contains("南门", name);
        assertThat(gates.getList("data.gates.site.name")).containsOnly("青山镇政府大院");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        JsonPath blank = graphQL.call(graphQL.as("admin"), CREATE,
                Map.of("input", Map.of("siteId", Demo.DEMO_SITE, "name", "", "kind", "VEHICLE")));
        assertThat(errorCode(blank)).isEqualTo("VALIDATION");
        assertThat(blank.getString("errors[0].extensions.field")).isEqualTo("name");

        JsonPath badKind = graphQL.call(graphQL.as("admin"), CREATE,
                Map.of("input", Map.of("siteId", Demo.DEMO_SITE, "name", "X", "kind", "TUNNEL")));
        assertThat(errorCode(badKind)).isEqualTo("VALIDATION");

        JsonPath unknownSite = graphQL.call(graphQL.as("admin"), CREATE,
                Map.of("input", Map.of("siteId", Demo.UNKNOWN, "name", "X", "kind", "VEHICLE")));
        assertThat(errorCode(unknownSite)).isEqualTo("NOT_FOUND");

        JsonPath duplicate = graphQL.call(graphQL.as("admin"), CREATE,
                Map.of("input", Map.of("siteId", Demo.DEMO_SITE, "name", "南门", "kind", "VEHICLE")));
        assertThat(errorCode(duplicate)).isEqualTo("CONFLICT");
    }

    @Test
    void onlyAdminsAddGates() {
        Map<String, Object> input = Map.of("input", Map.of("siteId", Demo.DEMO_SITE, "name", "Y", "kind", "BOTH"));
        assertThat(errorCode(graphQL.call(graphQL.as("guard"), CREATE, input))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), CREATE, input))).isEqualTo("UNAUTHENTICATED");
        assertThat(database.count("select count(*) from gate where name = 'Y'")).isZero();
    }
}
