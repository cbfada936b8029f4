package io.dayuan.platform.graphql;

import static io.dayuan.GraphQL.errorCode;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.Demo;
import io.dayuan.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class GraphQLErrorsTest {

    @Inject
    GraphQL graphQL;

    @Test
    void aMalformedQueryIsRefusedWithoutData() {
        JsonPath answer = graphQL.call(graphQL.as("staff"), "{ sites { id ");
        assertThat(errorCode(answer)).isEqualTo("VALIDATION");
        assertThat(answer.getString("errors[0].extensions.field")).isEqualTo("query");
        assertThat(answer.getString("data")).isNull();
    }

    @Test
    void anUnknownFieldIsAValidationError() {
        JsonPath answer = graphQL.call(graphQL.as("staff"), "{ sites { id password } }");
        assertThat(errorCode(answer)).isEqualTo("VALIDATION");
    }

    @Test
    void anArgumentOfTheWrongTypeIsAValidationErrorNamingTheField() {
        JsonPath answer = graphQL.call(graphQL.as("admin"),
                "mutation { createRoom(input: {siteId: \"x\", name: \"n\", capacity: \"many\"}) { id } }");
        assertThat(errorCode(answer)).isEqualTo("VALIDATION");
        assertThat(answer.getString("errors[0].extensions.field")).isEqualTo("capacity");
    }

    @Test
    void aVariableOfTheWrongTypeIsAValidationErrorThatEchoesNothing() {
        JsonPath answer = graphQL.call(graphQL.as("admin"),
                "mutation($input: NewRoomInput!) { createRoom(input: $input) { id } }",
                Map.of("input", Map.of("siteId", Demo.DEMO_SITE, "name", "机密会议室", "capacity", "many")));
        assertThat(answer.getList("errors")).hasSize(1);
        assertThat(errorCode(answer)).isEqualTo("VALIDATION");
        assertThat(answer.getString("errors[0].extensions.field")).isEqualTo("capacity");
        assertThat(answer.prettify()).doesNotContain("机密会议室", "io.dayuan", "Scalar");
    }

    @Test
    void aMalformedDateOrEnumInsideAnInputVariableNamesTheInputField() {
        String menu = "mutation($menu: SaveMenuInput!) { saveMenu(input: $menu) { id } }";
        Map<String, Object> input = new HashMap<>(Map.of("canteenId", Demo.TOWN_HALL_CANTEEN, "date", "2026-02-30",
                "meal", "LUNCH", "items", List.of(Map.of("dishId", Demo.UNKNOWN))));
        assertRefused(graphQL.call(graphQL.as("canteen-manager"), menu, Map.of("menu", input)), "date");
        input.putAll(Map.of("date", "2030-01-01", "meal", "BRUNCH"));
        assertRefused(graphQL.call(graphQL.as("canteen-manager"), menu, Map.of("menu", input)), "meal");
        input.putAll(Map.of("meal", "LUNCH", "items", List.of(Map.of("dishId", Demo.UNKNOWN, "plannedPortions", "many"))));
        assertRefused(graphQL.call(graphQL.as("canteen-manager"), menu, Map.of("menu", input)), "items.plannedPortions");
    }

    @Test
    void aRefusedVariableIsNamedByTheArgumentItIsPassedTo() {
        assertRefused(graphQL.call(graphQL.as("admin"), "mutation($c: Int!) { createRoom(input: {siteId: \""
                + Demo.DEMO_SITE + "\", name: \"n\", capacity: $c}) { id } }", Map.of("c", "many")), "capacity");
        Map<String, Object> nullCovers = new HashMap<>();
        nullCovers.put("c", null);
        assertRefused(graphQL.call(graphQL.as("canteen-manager"), "mutation($c: Int!) { recordCovers(canteenId: \""
                + Demo.TOWN_HALL_CANTEEN + "\", date: \"2030-01-01\", meal: LUNCH, covers: $c) }", nullCovers), "covers");
    }

    @Test
    void aLiteralListItemOfTheWrongTypeNamesTheList() {
        assertRefused(graphQL.call(graphQL.as("admin"), "mutation { createRoom(input: {siteId: \"" + Demo.DEMO_SITE
                + "\", name: \"n\", capacity: 3, equipment: [TEA_URN]}) { id } }"), "equipment");
    }

    @Test
    void anUnknownOperationNameIsRefusedNamingOperationName() {
        JsonPath answer = given().contentType(ContentType.JSON)
                .body(Map.of("query", "query Mine { me { id } }", "operationName", "Theirs")).post("/graphql").then()
                .extract().jsonPath();
        assertRefused(answer, "operationName");
    }

    @Test
    void anUndeclaredVariableIsRefusedNamingIt() {
        assertRefused(graphQL.call(graphQL.as("guard"), "{ gates(siteId: $site) { id } }",
                Map.of("site", Demo.DEMO_SITE)), "variables.site");
    }

    private static void assertRefused(JsonPath answer, String field) {
        assertThat(errorCode(answer)).as(answer.prettify()).isEqualTo("VALIDATION");
        assertThat(answer.getString("errors[0].extensions.field")).as(answer.prettify()).isEqualTo(field);
    }

    @Test
    void aMissingRequiredInputFieldIsNamed() {
        JsonPath answer = graphQL.call(graphQL.as("admin"),
                "mutation($input: NewRoomInput!) { createRoom(input: $input) { id } }",
                Map.of("input", Map.of("siteId", Demo.DEMO_SITE, "capacity", 3)));
        assertThat(errorCode(answer)).isEqualTo("VALIDATION");
        assertThat(answer.getString("errors[0].extensions.field")).isEqualTo("name");
    }

    @Test
    void aMalformedIdIsAValidationErrorNamingTheField() {
        JsonPath answer = graphQL.call(graphQL.as("guard"), "query($s: ID!) { gates(siteId: $s) { id } }",
                Map.of("s", "south-gate"));
        assertThat(errorCode(answer)).isEqualTo("VALIDATION");
        assertThat(answer.getString("errors[0].extensions.field")).isEqualTo("siteId");
    }

    @Test
    void aQueryDeeperThanTheLimitIsRefused() {
        String deep = "{ sites { id } " + "me { id } ".repeat(1) + "}";
        assertThat(graphQL.call(graphQL.as("staff"), deep).getList("errors")).isNull();
        String nested = "query { __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType "
                + "{ ofType { ofType { name } } } } } } } } } } } } }";
        JsonPath answer = graphQL.call(graphQL.as("staff"), nested);
        assertThat(errorCode(answer)).isEqualTo("VALIDATION");
        assertThat(answer.getString("errors[0].message")).contains("depth");
    }

    @Test
    void noErrorCarriesAClassNameOrStackTrace() {
        JsonPath answer = graphQL.call(graphQL.as("admin"),
                "mutation { createSite(input: {name: \"\", timeZone: \"x\"}) { id } }");
        assertThat(answer.prettify()).doesNotContain("Exception", "io.dayuan", "at java.");
    }

    @Test
    void aRequestBodyLargerThanGraphQLNeedsIsRefusedUnread() {
        String padding = "#".repeat(70_000);
        given().contentType(ContentType.JSON).body(Map.of("query", "{ sites { id } }" + padding))
                .post("/graphql").then().statusCode(413).body("errors[0].extensions.code", org.hamcrest.Matchers.equalTo("VALIDATION"));
    }
}
