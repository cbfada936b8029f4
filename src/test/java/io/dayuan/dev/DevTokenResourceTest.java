package io.dayuan.dev;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class DevTokenResourceTest {

    @Inject
    GraphQL graphQL;

    @Test
    void aDemoPersonsTokenSignsInAsThatPersonWithTheirRoles() {
        String token = given().queryParam("person", "canteen-manager").get("/dev/token").then().statusCode(200)
                .extract().asString();
        JsonPath me = graphQL.call(new GraphQL.As(token), "{ me { id name roles } }");
        assertThat(me.getString("data.me.id")).isEqualTo("00000000-0000-0000-0000-00000000e003");
        assertThat(me.getString("data.me.name")).isEqualTo("王芳");
        assertThat(me.getList("data.me.roles")).containsExactly("CANTEEN_MANAGER");
    }

    @Test
    void anUnknownDemoPersonIsNotFound() {
        given().queryParam("person", "mayor").get("/dev/token").then().statusCode(404);
    }
}
