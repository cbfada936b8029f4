package io.dayuan;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.dev.DevTokenIssuer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;

/**
 * Calls {@code POST /graphql} as the mobile app does, as a person of given roles (or anonymously), and opens the
 * app's WebSocket for subscriptions ({@link GraphQLSocket}). Inject it into a {@code @QuarkusTest}.
 */
@ApplicationScoped
public class GraphQL {

    @Inject
    DevTokenIssuer issuer;

    @Inject
    Vertx vertx;

    /** A caller with a token of their own: a new person unless the same subject is used again. */
    public record As(String token) {
    }

    public As anonymous() {
        return new As(null);
    }

    /** A fresh person with these roles. */
    public As as(String... roles) {
        String subject = "test-" + UUID.randomUUID();
        return new As(issuer.issue(subject, "Tester " + subject.substring(5, 13), null, List.of(roles), null));
    }

    public As person(String subject, String name, String phone, String locale, String... roles) {
        return new As(issuer.issue(subject, name, phone, List.of(roles), locale));
    }

    /** A person whose token carries these further claims besides the standard ones. */
    public As withClaims(String subject, Map<String, String> claims, String... roles) {
        return new As(issuer.issue(subject, "Tester " + subject, null, List.of(roles), null, claims));
    }

    public JsonPath call(As caller, String query) {
        return call(caller, query, Map.of());
    }

    public JsonPath call(As caller, String query, Map<String, Object> variables) {
        var request = given().contentType(ContentType.JSON).body(Map.of("query", query, "variables", variables));
        if (caller.token() != null) {
            request.header("Authorization", "Bearer " + caller.token());
        }
        return request.post("/graphql").then().extract().jsonPath();
    }

    /** A WebSocket for subscriptions whose connection the server acknowledged, as the caller. */
    public GraphQLSocket open(As caller) throws Exception {
        return new GraphQLSocket(vertx, caller.token()).acknowledged();
    }

    /** A WebSocket that has sent {@code connection_init} as the caller, not waiting for the answer. */
    public GraphQLSocket connect(As caller) throws Exception {
        return new GraphQLSocket(vertx, caller.token());
    }

    /** The {@code extensions.code} of the first error, or null when there is none. */
    public static String errorCode(JsonPath answer) {
        return answer.getString("errors[0].extensions.code");
    }
}
