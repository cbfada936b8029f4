package io.dayuan.platform.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.GraphQL;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** What reaches /graphql before the GraphQL engine: headers, bodies and requests that are not GraphQL at all. */
@QuarkusTest
class GraphQLTransportTest {

    @TestHTTPResource("/graphql")
    URI graphql;

    @Inject
    GraphQL graphQL;

    @Test
    void anEmptyOrCommaOnlyForwardedForIsAnsweredNotHung() throws IOException {
        String body = "{\"query\":\"{__typename}\"}";
        for (String forwarded : new String[] { "", ",", " , ," }) {
            String answer = raw("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "X-Forwarded-For: " + forwarded + "\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n" + body);
            assertThat(answer).startsWith("HTTP/1.1 200").contains("\"__typename\":\"Query\"");
        }
    }

    @Test
    void variablesThatAreNotAnObjectAreAValidationErrorNamingThem() {
        JsonPath answer = post("{\"query\":\"{__typename}\",\"variables\":\"x\"}", 400);
        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("VALIDATION");
        assertThat(answer.getString("errors[0].extensions.field")).isEqualTo("variables");
    }

    @Test
    void variablesNestedThousandsOfLevelsDeepAreAValidationErrorNotA500() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        JsonPath answer = post("{\"query\":\"{__typename}\",\"variables\":{\"a\":" + deep + "}}", 400);
        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("VALIDATION");
        assertThat(answer.getString("errors[0].extensions.field")).isEqualTo("variables");
        // nested as an input ever is, it runs
        assertThat(post("{\"query\":\"{__typename}\",\"variables\":{\"a\":{\"b\":[[1]]}}}", 200)
                .getString("data.__typename")).isEqualTo("Query");
    }

    @Test
    void requestsSmallRyeCannotReadAnswerWithACode() {
        assertValidation(post("not json", 400), "body");
        assertValidation(post("[{\"query\":\"{__typename}\"}]", 400), "body");
        assertValidation(post("{}", 400), "query");
        assertValidation(post("{\"query\":null}", 400), "query");
        assertValidation(post("", 400), "query");
        assertValidation(post("{\"query\":\"{__typename}\",\"operationName\":7}", 400), "operationName");
    }

    @Test
    void aDocumentThatDoesNotParseIsAValidationErrorOnTheQuery() {
        JsonPath answer = post("{\"query\":\"{ sites { id \"}", 400);
        assertValidation(answer, "query");
        assertThat(answer.getString("errors[0].message")).contains("line 1");
        assertThat(answer.prettify()).doesNotContain("classification", "DataFetchingException", "Unparseable");
        // application/graphql: the body is the document
        given().contentType("application/graphql").body("{ __typename".getBytes(StandardCharsets.UTF_8)).post("/graphql").then().statusCode(400);
        assertThat(given().contentType("application/graphql").body("{ __typename }".getBytes(StandardCharsets.UTF_8)).post("/graphql").then()
                .statusCode(200).extract().jsonPath().getString("data.__typename")).isEqualTo("Query");
    }

    @Test
    void aChunkedBodyPastTheLimitIsRefusedAsItArrives() throws IOException {
        String big = "{\"query\":\"{__typename}\",\"variables\":{\"a\":\"" + "x".repeat(100_000) + "\"}}";
        StringBuilder chunked = new StringBuilder("POST /graphql HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        for (int at = 0; at < big.length(); at += 8192) {
            String chunk = big.substring(at, Math.min(big.length(), at + 8192));
            chunked.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        String answer = raw(chunked.append("0\r\n\r\n").toString());
        assertThat(answer).startsWith("HTTP/1.1 413");
        JsonPath error = new JsonPath(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertValidation(error, "body");
        assertThat(error.getString("errors[0].message")).contains("65536");
    }

    @Test
    void aBodyPastTheLimitWithALengthIsRefusedInTheContractShape() {
        JsonPath answer = post("{\"query\":\"{ __typename }" + "#".repeat(70_000) + "\"}", 413);
        assertValidation(answer, "body");
    }

    @Test
    void otherMethodsAreRefusedInTheContractShape() {
        Response answer = given().get("/graphql");
        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(answer.jsonPath().getString("errors[0].extensions.code")).isEqualTo("VALIDATION");
        assertThat(answer.header("Allow")).contains("POST");
    }

    @Test
    void aForgedTokenIsAnsweredOnceWithoutRunningTheOperation() {
        Response answer = given().contentType(ContentType.JSON).header("Authorization", "Bearer abc.def.ghi")
                .body(Map.of("query", "{ me { name } }")).post("/graphql");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.jsonPath().getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
        assertThat(answer.jsonPath().getList("errors")).hasSize(1);
        // a valid token still works, and anonymous calls get a GraphQL error as before
        assertThat(graphQL.call(graphQL.as("staff"), "{ me { roles } }").getList("data.me.roles"))
                .containsExactly("STAFF");
        assertThat(GraphQL.errorCode(graphQL.call(graphQL.anonymous(), "{ me { roles } }")))
                .isEqualTo("UNAUTHENTICATED");
    }

    private static void assertValidation(JsonPath answer, String field) {
        assertThat(answer.getString("errors[0].extensions.code")).as(answer.prettify()).isEqualTo("VALIDATION");
        assertThat(answer.getString("errors[0].extensions.field")).as(answer.prettify()).isEqualTo(field);
        assertThat(answer.getString("data")).isNull();
    }

    private static JsonPath post(String body, int status) {
        return given().contentType(ContentType.JSON).body(body).post("/graphql").then().statusCode(status).extract()
                .jsonPath();
    }

    /** Sends bytes as they are over a socket and reads the answer until the server closes (5 s at most). */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(graphql.getHost(), graphql.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return readAll(socket.getInputStream());
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read; (read = in.read(buffer)) >= 0;) {
                answer.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // what came until then is the answer (none: the request hung)
        }
        return answer.toString(StandardCharsets.UTF_8);
    }
}
