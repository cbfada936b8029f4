package io.dayuan.sites;

import static io.dayuan.GraphQL.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.Demo;
import io.dayuan.GraphQL;
import io.dayuan.GraphQL.As;
import io.dayuan.sites.TwoSites.Member;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** The production overlay's setting: with {@code unassigned-access=none} a person of no site acts nowhere. */
@QuarkusTest
@TestProfile(UnassignedNoneTest.Province.class)
class UnassignedNoneTest {

    public static class Province implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dayuan.sites.unassigned-access", "none");
        }
    }

    private static final String GATES = "query($s: ID!) { gates(siteId: $s) { id } }";

    @Inject
    GraphQL graphQL;

    @Inject
    TwoSites twoSites;

    @Test
    void aPersonOfNoSiteActsNowhereUntilAssignedButStillSeesThemselves() {
        Member guard = twoSites.member(List.of(), "guard");
        assertThat(graphQL.call(guard.as(), "{ me { id } }").getString("data.me.id")).isEqualTo(guard.id());
        assertThat(graphQL.call(guard.as(), "{ myNotifications { hasMore } }").getList("errors")).isNull();
        JsonPath refused = graphQL.call(guard.as(), GATES, Map.of("s", Demo.DEMO_SITE));
        assertThat(errorCode(refused)).isEqualTo("FORBIDDEN");
        assertThat(graphQL.call(guard.as(), "{ rooms { id } }").getList("data.rooms")).isEmpty();

        As assigned = twoSites.member(List.of(Demo.DEMO_SITE), "guard").as();
        assertThat(graphQL.call(assigned, GATES, Map.of("s", Demo.DEMO_SITE)).getList("data.gates.id"))
                .contains(Demo.SOUTH_GATE);
    }

    @Test
    void aGlobalAdministratorStillActsEverywhere() {
        assertThat(graphQL.call(twoSites.globalAdmin(), GATES, Map.of("s", Demo.DEMO_SITE)).getList("data.gates.id"))
                .contains(Demo.SOUTH_GATE);
    }
}
