package io.dayuan.platform.graphql;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * As in prod, where the schema endpoint is off: asking for it is answered in the contract's shape, not by Quarkus's
 * 404 page. (A boot of its own: the setting is read when the application is built.)
 */
@QuarkusTest
@TestProfile(SchemaEndpointOffTest.SchemaOff.class)
class SchemaEndpointOffTest {

    public static class SchemaOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.smallrye-graphql.schema-available", "false");
        }
    }

    @Test
    void theSchemaIsNotFoundInTheContractsShape() {
        given().get("/graphql/schema.graphql").then().statusCode(404).contentType("application/json")
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"))
                .body(not(containsStringIgnoringCase("quarkus")));
    }
}
