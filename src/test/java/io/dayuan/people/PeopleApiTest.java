package io.dayuan.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class PeopleApiTest {

    private static final String ME = "{ me { id name phone roles locale } }";

    @Inject
    GraphQL graphQL;

    @Test
    void meCreatesThePersonOnFirstSightWithTheTokensClaimsAndRoles() {
        String subject = "person-" + UUID.randomUUID();
        JsonPath first = graphQL.call(graphQL.person(subject, "刘洋", "+8613911112222", null, "staff", "guard",
                "offline_access"), ME);
        assertThat(first.getList("errors")).isNull();
        assertThat(first.getString("data.me.name")).isEqualTo("刘洋");
        assertThat(first.getString("data.me.phone")).isEqualTo("+8613911112222");
        assertThat(first.getList("data.me.roles")).containsExactlyInAnyOrder("STAFF", "GUARD");

        JsonPath again = graphQL.call(graphQL.person(subject, "刘洋", null, "en-US", "admin"), ME);
        assertThat(again.getString("data.me.id")).isEqualTo(first.getString("data.me.id"));
        assertThat(again.getString("data.me.phone")).isEqualTo("+8613911112222");
        assertThat(again.getString("data.me.locale")).isEqualTo("en");
        assertThat(again.getList("data.me.roles")).containsExactly("ADMIN");
    }

    @Test
    void simultaneousFirstRequestsOfANewPersonMakeOnePerson() throws Exception {
        GraphQL.As newcomer = graphQL.person("newcomer-" + UUID.randomUUID(), "孙丽", null, null, "staff");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonPath>> answers = pool.invokeAll(Collections.nCopies(8, () -> graphQL.call(newcomer, ME)));
            Set<String> ids = new HashSet<>();
            for (Future<JsonPath> answer : answers) {
                assertThat(answer.get().getList("errors")).isNull();
                ids.add(answer.get().getString("data.me.id"));
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void meWithoutATokenIsUnauthenticated() {
        JsonPath answer = graphQL.call(graphQL.anonymous(), ME);
        assertThat(GraphQL.errorCode(answer)).isEqualTo("UNAUTHENTICATED");
        assertThat(answer.getString("data.me")).isNull();
    }

    @Test
    void meWithAForgedTokenIsUnauthenticated() {
        String forged = graphQL.as("admin").token().replaceAll(".$", "A").replaceAll("\\.[^.]+\\.", ".eyJzdWIiOiJ4In0.");
        JsonPath answer = graphQL.call(new GraphQL.As(forged), ME);
        assertThat(GraphQL.errorCode(answer)).isEqualTo("UNAUTHENTICATED");
    }
}
