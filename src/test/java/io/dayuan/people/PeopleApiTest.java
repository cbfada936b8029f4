package io.dayuan.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.Database;
import io.dayuan.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class PeopleApiTest {

    private static final String ME = "{ me { id name phone roles locale } }";

    @Inject
    GraphQL graphQL;

    @Inject
    Database database;

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

    private static final String SET_DINGTALK = "mutation($p: ID!, $d: String) { setPersonDingTalkId(personId: $p, "
            + "dingTalkUserId: $d) { id dingTalkUserId } }";

    private String personId(GraphQL.As as) {
        return graphQL.call(as, "{ me { id } }").getString("data.me.id");
    }

    private String dingTalkUserId(String personId) {
        return database.rows("SELECT dingtalk_user_id FROM person WHERE id = $1", UUID.fromString(personId)).get(0)
                .getString(0);
    }

    private static Map<String, Object> dingTalk(String personId, String userId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("p", personId);
        variables.put("d", userId);
        return variables;
    }

    @Test
    void anAdminSetsAndClearsAPersonsDingTalkUserId() {
        GraphQL.As staff = graphQL.as("staff");
        String id = personId(staff);
        GraphQL.As admin = graphQL.as("admin");

        JsonPath set = graphQL.call(admin, SET_DINGTALK, dingTalk(id, " manager4220 "));

        assertThat(set.getString("data.setPersonDingTalkId.id")).isEqualTo(id);
        assertThat(set.getString("data.setPersonDingTalkId.dingTalkUserId")).isEqualTo("manager4220");
        assertThat(dingTalkUserId(id)).isEqualTo("manager4220");
        assertThat(graphQL.call(staff, "{ me { dingTalkUserId } }").getString("data.me.dingTalkUserId"))
                .isEqualTo("manager4220");
        JsonPath cleared = graphQL.call(admin, SET_DINGTALK, dingTalk(id, null));
        assertThat(cleared.getList("errors")).isNull();
        assertThat(cleared.getString("data.setPersonDingTalkId.dingTalkUserId")).isNull();
        assertThat(dingTalkUserId(id)).isNull();
    }

    @Test
    void aDingTalkUserIdIsValidatedNamingTheFieldAndNothingChanges() {
        String id = personId(graphQL.as("staff"));
        GraphQL.As admin = graphQL.as("admin");
        graphQL.call(admin, SET_DINGTALK, dingTalk(id, "kept.id@town"));
        for (String bad : List.of("", "two words", "x".repeat(65), "张三")) {
            JsonPath refused = graphQL.call(admin, SET_DINGTALK, dingTalk(id, bad));
            assertThat(GraphQL.errorCode(refused)).as(bad).isEqualTo("VALIDATION");
            assertThat(refused.getString("errors[0].extensions.field")).isEqualTo("dingTalkUserId");
        }
        JsonPath malformed = graphQL.call(admin, SET_DINGTALK, dingTalk("not-an-id", "u1"));
        assertThat(GraphQL.errorCode(malformed)).isEqualTo("VALIDATION");
        assertThat(malformed.getString("errors[0].extensions.field")).isEqualTo("personId");
        assertThat(GraphQL.errorCode(graphQL.call(admin, SET_DINGTALK, dingTalk(UUID.randomUUID().toString(), "u1"))))
                .isEqualTo("NOT_FOUND");
        assertThat(dingTalkUserId(id)).isEqualTo("kept.id@town");
    }

    @Test
    void onlyAdminsSetDingTalkUserIds() {
        String id = personId(graphQL.as("staff"));
        for (String role : List.of("staff", "guard", "facilities", "canteen-manager")) {
            assertThat(GraphQL.errorCode(graphQL.call(graphQL.as(role), SET_DINGTALK, dingTalk(id, "u1"))))
                    .as(role).isEqualTo("FORBIDDEN");
        }
        assertThat(GraphQL.errorCode(graphQL.call(graphQL.anonymous(), SET_DINGTALK, dingTalk(id, "u1"))))
                .isEqualTo("UNAUTHENTICATED");
        assertThat(dingTalkUserId(id)).isNull();
    }

    @Test
    void theDingTalkUserIdComesFromTheTokensClaimAndStaysWhenATokenLacksIt() {
        String subject = "dingtalk-" + UUID.randomUUID();
        String id = personId(graphQL.withClaims(subject, Map.of("dingtalk_userid", "from-keycloak-1"), "staff"));
        assertThat(dingTalkUserId(id)).isEqualTo("from-keycloak-1");

        personId(graphQL.withClaims(subject, Map.of(), "staff"));
        assertThat(dingTalkUserId(id)).isEqualTo("from-keycloak-1");
        personId(graphQL.withClaims(subject, Map.of("dingtalk_userid", "from-keycloak-2"), "staff"));
        assertThat(dingTalkUserId(id)).isEqualTo("from-keycloak-2");
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
