package io.dayuan.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The packaged Dayuan (jar, or native binary with -Dnative) trusting a real Keycloak that runs the project's realm
 * file: a demo person signs in as the mobile app does and calls the API. Runs with {@code ./mvnw verify -Pkeycloak-e2e}.
 */
@QuarkusIntegrationTest
@EnabledIfSystemProperty(named = KeycloakResource.HOME, matches = ".+")
@WithTestResource(PackagedDatabaseResource.class)
@WithTestResource(ApplicationKeysResource.class)
@WithTestResource(KeycloakResource.class)
class KeycloakEndToEndIT {

    private static final String ME = "{ me { name phone locale roles } }";
    private static final String CREATE_SITE =
            "mutation($input: NewSiteInput!) { createSite(input: $input) { id name timeZone } }";

    @Test
    void aDemoStaffMemberSignsInThroughTheMobileFlowAndSeesTheirRoles() throws Exception {
        String token = new MobileLogin(KeycloakResource.realmUrl).accessToken("staff", "demo-only-staff");

        JsonPath me = call(token, ME, Map.of());
        assertThat(me.getList("errors")).isNull();
        assertThat(me.getString("data.me.name")).isEqualTo("张伟");
        assertThat(me.getString("data.me.phone")).isEqualTo("+8613800000001");
        assertThat(me.getList("data.me.roles")).containsExactly("STAFF");
    }

    @Test
    void theLocaleAndSeveralRolesComeFromKeycloak() throws Exception {
        JsonPath english = call(new MobileLogin(KeycloakResource.realmUrl).accessToken("staff-en", "demo-only-staff-en"),
                ME, Map.of());
        assertThat(english.getString("data.me.name")).isEqualTo("Alex Morgan");
        assertThat(english.getString("data.me.locale")).isEqualTo("en");

        JsonPath admin = call(new MobileLogin(KeycloakResource.realmUrl).accessToken("admin", "demo-only-admin"),
                ME, Map.of());
        assertThat(admin.getList("data.me.roles")).containsExactlyInAnyOrder("ADMIN", "STAFF");
    }

    @Test
    void staffMayNotCreateASiteButAnAdminMay() throws Exception {
        String name = "e2e 镇 " + UUID.randomUUID();
        String staff = new MobileLogin(KeycloakResource.realmUrl).accessToken("staff", "demo-only-staff");
        JsonPath refused = call(staff, CREATE_SITE, Map.of("input", Map.of("name", name)));
        assertThat(refused.getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
        assertThat(refused.getString("data.createSite")).isNull();

        String admin = new MobileLogin(KeycloakResource.realmUrl).accessToken("admin", "demo-only-admin");
        JsonPath created = call(admin, CREATE_SITE, Map.of("input", Map.of("name", name)));
        assertThat(created.getString("data.createSite.name")).isEqualTo(name);
    }

    @Test
    void aTokenThatKeycloakDidNotSignIsUnauthenticated() throws Exception {
        String token = new MobileLogin(KeycloakResource.realmUrl).accessToken("staff", "demo-only-staff");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        assertThat(call(forged, ME, Map.of()).getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void theMobileClientRequiresPkceAndHasNoPasswordGrant() throws Exception {
        MobileLogin login = new MobileLogin(KeycloakResource.realmUrl);
        assertThat(login.authorizeWithoutPkce()).contains("error=invalid_request");
        assertThat(login.passwordGrant("staff", "demo-only-staff")).isIn(400, 401);
    }

    private static JsonPath call(String token, String query, Map<String, Object> variables) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                .body(Map.of("query", query, "variables", variables))
                .post("/graphql").then().extract().jsonPath();
    }
}
