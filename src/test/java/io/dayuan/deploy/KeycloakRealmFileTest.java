package io.dayuan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.dayuan.people.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The realm file says what the service expects of tokens (the end-to-end proof is KeycloakEndToEndIT, which runs it
 * in a real Keycloak: ./mvnw verify -Pkeycloak-e2e). Plain JUnit: no Quarkus boot.
 */
class KeycloakRealmFileTest {

    private static final Path REALM = Path.of("k8s/components/keycloak/dayuan-realm.json");
    private static final Path DEMO_USERS = Path.of("src/main/keycloak/demo/dayuan-users-0.json");

    @Test
    void theRealmHasExactlyTheRolesOfTheService() throws IOException {
        JsonObject realm = read(REALM);
        assertThat(realm.getString("realm")).isEqualTo("dayuan");
        List<String> roles = realm.getJsonObject("roles").getJsonArray("realm").stream()
                .map(role -> ((JsonObject) role).getString("name")).toList();
        assertThat(roles).containsExactlyInAnyOrderElementsOf(Stream.of(Role.values()).map(Role::tokenRole).toList());
    }

    @Test
    void theMobileClientIsPublicWithPkceAndNoPasswordGrantAndCarriesTheClaimsTheServiceReads() throws IOException {
        JsonObject mobile = client(read(REALM), "dayuan-mobile");
        assertThat(mobile.getBoolean("publicClient")).isTrue();
        assertThat(mobile.getBoolean("standardFlowEnabled")).isTrue();
        assertThat(mobile.getBoolean("directAccessGrantsEnabled")).isFalse();
        assertThat(mobile.getBoolean("implicitFlowEnabled")).isFalse();
        assertThat(mobile.getJsonObject("attributes").getString("pkce.code.challenge.method")).isEqualTo("S256");
        List<String> claims = mobile.getJsonArray("protocolMappers").stream()
                .map(mapper -> ((JsonObject) mapper).getJsonObject("config").getString("claim.name")).toList();
        assertThat(claims).contains("groups", "name", "preferred_username", "phone_number", "locale", "dingtalk_userid");
        assertThat(mobile.getJsonArray("defaultClientScopes").getList()).contains("basic", "roles");
    }

    @Test
    void theDeviceClientIsConfidentialWithAServiceAccountAndNoSecretInTheFile() throws IOException {
        JsonObject realm = read(REALM);
        JsonObject device = client(realm, "dayuan-device");
        assertThat(device.getBoolean("publicClient")).isFalse();
        assertThat(device.getBoolean("serviceAccountsEnabled")).isTrue();
        assertThat(device.getBoolean("standardFlowEnabled")).isFalse();
        assertThat(device.getBoolean("directAccessGrantsEnabled")).isFalse();
        assertThat(device.containsKey("secret")).isFalse();
        assertThat(realm.getJsonArray("users").stream().map(u -> (JsonObject) u)
                .filter(u -> "dayuan-device".equals(u.getString("serviceAccountClientId")))).hasSize(1);
        assertThat(realm.getJsonArray("users").stream().map(u -> (JsonObject) u)
                .filter(u -> u.containsKey("credentials"))).isEmpty();
    }

    @Test
    void theDemoUsersAreTheDevDemoPeopleWithTheirRolesAndDemoOnlyPasswords() throws IOException {
        String demoSql = Files.readString(Path.of("src/main/resources/db/demo/afterMigrate.sql"), StandardCharsets.UTF_8);
        Matcher person = Pattern.compile("'(demo-[a-z-]+)', '([^']+)', '(\\+\\d+)', '\\{([a-z,-]+)\\}'").matcher(demoSql);
        JsonArray users = read(DEMO_USERS).getJsonArray("users");
        int people = 0;
        while (person.find()) {
            people++;
            String subject = person.group(1);
            JsonObject user = users.stream().map(u -> (JsonObject) u).filter(u -> subject.equals(u.getString("id")))
                    .findFirst().orElseThrow(() -> new AssertionError("no demo user " + subject));
            JsonObject attributes = user.getJsonObject("attributes");
            assertThat(attributes.getJsonArray("displayName").getString(0)).isEqualTo(person.group(2));
            assertThat(attributes.getJsonArray("phoneNumber").getString(0)).isEqualTo(person.group(3));
            assertThat(user.getJsonArray("realmRoles").getList()).containsAll(List.of(person.group(4).split(",")));
            JsonObject password = user.getJsonArray("credentials").getJsonObject(0);
            assertThat(password.getString("value")).startsWith("demo-only-");
            assertThat(password.getString("userLabel")).contains("DEMO ONLY");
        }
        assertThat(people).isGreaterThanOrEqualTo(6);
    }

    private static JsonObject client(JsonObject realm, String clientId) {
        return realm.getJsonArray("clients").stream().map(c -> (JsonObject) c)
                .filter(c -> clientId.equals(c.getString("clientId"))).findFirst().orElseThrow();
    }

    private static JsonObject read(Path file) throws IOException {
        return new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
    }
}
