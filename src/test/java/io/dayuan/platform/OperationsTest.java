package io.dayuan.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.net.URL;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.GraphQL;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
class OperationsTest {

    @Inject
    GraphQL graphQL;

    /** The management interface's root, /q/ (its port is taken at random in tests). */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void livenessIsUp() {
        assertThat(management.getPath()).as(management.toString()).isEqualTo("/q/");
        given().get(management + "health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void readinessChecksTheDatabase() {
        given().get(management + "health/ready").then().statusCode(200).body("status", is("UP"))
                .body("checks.name", hasItem(containsString("PostgreSQL")));
    }

    @Test
    void metricsAreServedInPrometheusFormatWithGraphQLTimings() {
        graphQL.call(graphQL.as("staff"), "{ sites { id } }");
        String metrics = given().get(management + "metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("# TYPE", "http_server_requests_seconds", "mp_graphql");
    }

    @Test
    void healthAndMetricsAreNotServedOnThePublicPort() {
        assertThat(management.getPort()).isNotEqualTo(RestAssured.port);
        for (String path : List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/metrics")) {
            given().get(path).then().statusCode(404).body("errors[0].extensions.code", is("NOT_FOUND"));
        }
    }

    @Test
    void everyGraphQLRequestLogsOneLineWithoutPersonalData() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(String.format(record.getMessage(), record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger requestLog = Logger.getLogger("io.dayuan.graphql.request");
        requestLog.addHandler(capture);
        try {
            graphQL.call(graphQL.as("admin"), "mutation NewSite { createSite(input: {name: \"秘密的地方\", timeZone: \"x\"}) { id } }");
        } finally {
            requestLog.removeHandler(capture);
        }
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("MUTATION NewSite", "fields=createSite", "durationMs=", "outcome=VALIDATION")
                .doesNotContain("秘密");
    }
}
