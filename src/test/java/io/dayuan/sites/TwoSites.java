package io.dayuan.sites;

import static io.dayuan.GraphQL.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.GraphQL;
import io.dayuan.GraphQL.As;
import io.dayuan.GraphQLSocket;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;

/** Two new sites with a gate each, and people who belong to one of them: the setting of every cross-site test. */
@ApplicationScoped
public class TwoSites {

    public static final String SET_SITES = "mutation($p: ID!, $s: [String!]!) { setPersonSites(personId: $p, "
            + "siteIds: $s) { id sites { id name } } }";

    /** Site A and site B, each with one gate. */
    public record Sites(String a, String b, String gateA, String gateB) {
    }

    /** Someone of the test's roles, their person's id. */
    public record Member(As as, String id) {
    }

    @Inject
    GraphQL graphQL;

    /** A global administrator: an admin of no site. */
    public As globalAdmin() {
        return graphQL.as("admin");
    }

    public Sites create() {
        String a = site("甲镇 ");
        String b = site("乙镇 ");
        return new Sites(a, b, gate(a), gate(b));
    }

    /** A new person with the roles who belongs to the sites. */
    public Member member(List<String> sites, String... roles) {
        As as = graphQL.as(roles);
        String id = graphQL.call(as, "{ me { id } }").getString("data.me.id");
        JsonPath set = graphQL.call(globalAdmin(), SET_SITES, Map.of("p", id, "s", sites));
        assertThat(set.getList("errors")).as(set.prettify()).isNull();
        return new Member(as, id);
    }

    /** Refused with the code, and nothing of the data answered. */
    public static void refused(JsonPath answer, String code) {
        assertThat(errorCode(answer)).as(answer.prettify()).isEqualTo(code);
        assertThat(answer.getString("data")).isNull();
    }

    /** The feed's first message is one null event of the field with the error's code, and no data. */
    public static void refusedFeed(GraphQLSocket feed, String field, String code) throws Exception {
        JsonObject refusal = feed.next(Duration.ofSeconds(10));
        assertThat(refusal).as("no answer to the subscription").isNotNull();
        assertThat(refusal.getString("type")).as(refusal.encode()).isEqualTo("next");
        assertThat(refusal.getJsonObject("payload").getJsonArray("errors").getJsonObject(0)
                .getJsonObject("extensions").getString("code")).isEqualTo(code);
        JsonObject data = refusal.getJsonObject("payload").getJsonObject("data");
        assertThat(data == null ? null : data.getValue(field)).isNull();
    }

    public static void answered(JsonPath answer) {
        assertThat(answer.getList("errors")).as(answer.prettify()).isNull();
    }

    private String site(String prefix) {
        JsonPath created = graphQL.call(globalAdmin(), "mutation($n: String!) { createSite(input: {name: $n}) { id } }",
                Map.of("n", prefix + UUID.randomUUID()));
        assertThat(created.getList("errors")).as(created.prettify()).isNull();
        return created.getString("data.createSite.id");
    }

    private String gate(String site) {
        JsonPath created = graphQL.call(globalAdmin(),
                "mutation($s: ID!) { createGate(input: {siteId: $s, name: \"正门\", kind: BOTH}) { id } }",
                Map.of("s", site));
        assertThat(created.getList("errors")).as(created.prettify()).isNull();
        return created.getString("data.createGate.id");
    }
}
