package io.dayuan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The mobile app generates its client from {@code mobile-schema/schema.graphql}; it must be the schema served.
 * After an intended change, rewrite the file with {@code ./mvnw test -Dtest=MobileSchemaTest -Ddayuan.write-schema}.
 */
@QuarkusTest
class MobileSchemaTest {

    private static final Path CHECKED_IN = Path.of("mobile-schema", "schema.graphql");

    @Test
    void theCheckedInSchemaIsTheServedSchema() throws IOException {
        String served = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        if (System.getProperty("dayuan.write-schema") != null) {
            Files.writeString(CHECKED_IN, served);
        }
        assertThat(Files.readString(CHECKED_IN))
                .as("mobile-schema/schema.graphql differs from the served schema; if the change is intended, run "
                        + "./mvnw test -Dtest=MobileSchemaTest -Ddayuan.write-schema")
                .isEqualTo(served);
    }
}
