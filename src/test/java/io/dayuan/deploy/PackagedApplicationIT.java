package io.dayuan.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The packaged application as it is deployed (the prod build: jar by default, the native binary with -Dnative where
 * GraalVM is installed), given only the deployment's variables: a PostgreSQL address and a token verification key.
 * Runs with {@code ./mvnw verify -DskipITs=false} (and with -Dnative).
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedDatabaseResource.class)
@WithTestResource(ApplicationKeysResource.class)
@WithTestResource(PublicKeyIdentityResource.class)
@WithTestResource(ManagementPortResource.class)
class PackagedApplicationIT {

    private static final String DEMO_SITE = "00000000-0000-0000-0000-00000000a001";

    @Test
    void theProbesTheDeploymentUsesAnswerOnTheManagementPortOnly() {
        String management = ManagementPortResource.root();
        given().get(management + "health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get(management + "health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get(management + "metrics").then().statusCode(200).body(containsString("http_server_requests"));
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void meAndRolesWorkWithOnlyAPublicKeyConfigured() {
        String subject = "it-" + UUID.randomUUID();
        JsonPath me = call(PublicKeyIdentityResource.token(subject, "孙丽", "+8613800000099", List.of("guard")),
                "{ me { name phone roles } }");
        assertThat(me.getString("data.me.name")).isEqualTo("孙丽");
        assertThat(me.getList("data.me.roles")).containsExactly("GUARD");
    }

    @Test
    void wrongRolesAreForbiddenAndNoTokenIsUnauthenticated() {
        String create = "mutation { createSite(input: {name: \"IT 镇\"}) { id } }";
        String staff = PublicKeyIdentityResource.token("it-" + UUID.randomUUID(), "Staff", null, List.of("staff"));
        assertThat(call(staff, create).getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
        assertThat(call(null, "{ me { name } }").getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
        String admin = PublicKeyIdentityResource.token("it-" + UUID.randomUUID(), "Admin", null, List.of("admin"));
        assertThat(call(admin, create).getString("data.createSite.id")).isNotBlank();
    }

    @Test
    void theProdBuildHasNoDemoDataNoDevIssuerNoUiAndNoIntrospection() {
        String staff = PublicKeyIdentityResource.token("it-" + UUID.randomUUID(), "Staff", null, List.of("staff"));
        assertThat(call(staff, "{ sites { id } }").getList("data.sites.id")).doesNotContain(DEMO_SITE);
        given().get("/dev/token?person=staff").then().statusCode(404);
        given().get("/q/graphql-ui/").then().statusCode(404);
        JsonPath introspection = call(staff, "{ __schema { types { name } } }");
        assertThat(introspection.getList("errors")).isNotEmpty();
        assertThat(introspection.getString("data.__schema")).isNull();
    }

    private static JsonPath call(String token, String query) {
        var request = given().contentType(ContentType.JSON).body(Map.of("query", query));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.post("/graphql").then().extract().jsonPath();
    }
}
