package io.dayuan.platform.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Each request to /graphql gets one answer, written once: the server log never says "Response has already been
 * written" nor logs an IllegalStateException, for forged tokens, malformed and oversized bodies and ordinary calls
 * (issue 12 saw that message during ordinary runs; every writer before the engine now goes through HttpAnswer,
 * which writes only when nothing has answered yet).
 */
@QuarkusTest
class OneAnswerTest {

    @Inject
    GraphQL graphQL;

    @Test
    void ordinaryAndRefusedRequestsAreEachAnsweredOnceWithoutAServerError() {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                Throwable thrown = record.getThrown();
                logged.add(record.getMessage() + (thrown == null ? "" : " " + thrown));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            for (int i = 0; i < 3; i++) {
                given().contentType(ContentType.JSON).header("Authorization", "Bearer abc.def.ghi")
                        .body(Map.of("query", "{ me { name } }")).post("/graphql").then().statusCode(401);
                // a real token whose payload was changed: its signature no longer holds
                given().contentType(ContentType.JSON).header("Authorization", "Bearer " + graphQL.as("staff").token()
                        .replaceAll("\\.[^.]+\\.", ".eyJzdWIiOiJ4In0.")).body(Map.of("query", "{ me { name } }"))
                        .post("/graphql").then().statusCode(401);
                given().contentType(ContentType.JSON).body("{not json").post("/graphql").then().statusCode(400);
                given().contentType(ContentType.JSON).body(Map.of("query", "x".repeat(70_000))).post("/graphql")
                        .then().statusCode(413);
                assertThat(graphQL.call(graphQL.as("staff"), "{ me { name } }").getList("errors")).isNull();
                assertThat(GraphQL.errorCode(graphQL.call(graphQL.anonymous(), "{ me { name } }")))
                        .isEqualTo("UNAUTHENTICATED");
                assertThat(GraphQL.errorCode(graphQL.call(graphQL.as("staff"), "{ people { id } }")))
                        .isEqualTo("FORBIDDEN");
            }
        } finally {
            root.removeHandler(capture);
        }
        assertThat(logged).noneMatch(line -> line.contains("already been written"))
                .noneMatch(line -> line.contains("IllegalStateException"));
    }
}
