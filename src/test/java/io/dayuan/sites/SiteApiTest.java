package io.dayuan.sites;

import static io.dayuan.GraphQL.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.Database;
import io.dayuan.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class SiteApiTest {

    private static final String CREATE = "mutation($input: NewSiteInput!) { createSite(input: $input) { id name timeZone } }";

    @Inject
    GraphQL graphQL;

    @Inject
    Database database;

    @Test
    void adminCreatesASiteThatEveryoneSees() {
        String name = "东山镇 " + UUID.randomUUID();
        JsonPath created = graphQL.call(graphQL.as("admin"), CREATE,
                Map.of("input", Map.of("name", name, "timeZone", "Asia/Urumqi")));
        assertThat(created.getString("data.createSite.name")).isEqualTo(name);
        assertThat(created.getString("data.createSite.timeZone")).isEqualTo("Asia/Urumqi");
        String id = created.getString("data.createSite.id");
        assertThat(database.rows("select time_zone from site where id = $1", UUID.fromString(id)).get(0)
                .getString(0)).isEqualTo("Asia/Urumqi");

        JsonPath listed = graphQL.call(graphQL.as("guard"), "{ sites { id name timeZone } }");
        assertThat(listed.getList("data.sites.id")).contains(id);
    }

    @Test
    void theTimeZoneDefaultsToShanghai() {
        JsonPath created = graphQL.call(graphQL.as("admin"), CREATE,
                Map.of("input", Map.of("name", "西湾村 " + UUID.randomUUID())));
        assertThat(created.getString("data.createSite.timeZone")).isEqualTo("Asia/Shanghai");
    }

    @Test
    void aTimeZoneThatIsNotIanaIsAValidationErrorAndNothingIsSaved() {
        String name = "北岭 " + UUID.randomUUID();
        for (String zone : new String[] { "+08:00", "Beijing", "Mars/Olympus", "UTC" }) {
            JsonPath answer = graphQL.call(graphQL.as("admin"), CREATE,
                    Map.of("input", Map.of("name", name, "timeZone", zone)));
            assertThat(errorCode(answer)).as(zone).isEqualTo("VALIDATION");
            assertThat(answer.getString("errors[0].extensions.field")).isEqualTo("timeZone");
        }
        assertThat(database.count("select count(*) from site where name = $1", name)).isZero();
    }

    @Test
    void aBlankNameIsAValidationErrorNamingTheField() {
        JsonPath answer = graphQL.call(graphQL.as("admin"), CREATE, Map.of("input", Map.of("name", "  ")));
        assertThat(errorCode(answer)).isEqualTo("VALIDATION");
        assertThat(answer.getString("errors[0].extensions.field")).isEqualTo("name");
    }

    @Test
    void aSecondSiteOfTheSameNameIsAConflict() {
        Map<String, Object> input = Map.of("input", Map.of("name", "南坪 " + UUID.randomUUID()));
        graphQL.call(graphQL.as("admin"), CREATE, input);
        assertThat(errorCode(graphQL.call(graphQL.as("admin"), CREATE, input))).isEqualTo("CONFLICT");
    }

    @Test
    void onlyAdminsCreateSites() {
        Map<String, Object> input = Map.of("input", Map.of("name", "禁区 " + UUID.randomUUID()));
        assertThat(errorCode(graphQL.call(graphQL.as("staff", "guard"), CREATE, input))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), CREATE, input))).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void sitesNeedASignedInCaller() {
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), "{ sites { id } }"))).isEqualTo("UNAUTHENTICATED");
    }
}
