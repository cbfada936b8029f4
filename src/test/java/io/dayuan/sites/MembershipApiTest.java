package io.dayuan.sites;

import static io.dayuan.GraphQL.errorCode;
import static io.dayuan.sites.TwoSites.SET_SITES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dayuan.Demo;
import io.dayuan.GraphQL;
import io.dayuan.sites.TwoSites.Member;
import io.dayuan.sites.TwoSites.Sites;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class MembershipApiTest extends SiteTestBase {

    private List<String> sitesInDatabase(String personId) {
        return database.rows("SELECT site_id FROM person_site WHERE person_id = $1 ORDER BY site_id",
                UUID.fromString(personId)).stream().map(row -> row.getUUID("site_id").toString()).toList();
    }

    private JsonPath set(GraphQL.As who, String personId, List<String> siteIds) {
        return graphQL.call(who, SET_SITES, Map.of("p", personId, "s", siteIds));
    }

    @Test
    void aGlobalAdministratorAssignsAndReplacesAPersonsSites() {
        Sites sites = twoSites.create();
        Member guard = twoSites.member(List.of(), "guard");
        assertThat(graphQL.call(guard.as(), "{ me { sites { id } } }").getList("data.me.sites")).isEmpty();

        JsonPath both = set(twoSites.globalAdmin(), guard.id(), List.of(sites.a(), sites.b(), sites.a()));
        assertThat(both.getList("errors")).as(both.prettify()).isNull();
        assertThat(both.getList("data.setPersonSites.sites.id")).containsExactlyInAnyOrder(sites.a(), sites.b());
        assertThat(sitesInDatabase(guard.id())).containsExactlyInAnyOrder(sites.a(), sites.b());

        JsonPath onlyB = set(twoSites.globalAdmin(), guard.id(), List.of(sites.b()));
        assertThat(onlyB.getList("data.setPersonSites.sites.id")).containsExactly(sites.b());
        assertThat(graphQL.call(guard.as(), "{ me { sites { id name } } }").getList("data.me.sites.id"))
                .containsExactly(sites.b());

        assertThat(set(twoSites.globalAdmin(), guard.id(), List.of()).getList("data.setPersonSites.sites")).isEmpty();
        assertThat(sitesInDatabase(guard.id())).isEmpty();
    }

    @Test
    void aSiteAdministratorAssignsOnlyToTheirSitesAndTakesNobodyFromAnother() {
        Sites sites = twoSites.create();
        Member siteAdmin = twoSites.member(List.of(sites.a()), "admin");
        Member guard = twoSites.member(List.of(), "guard");

        assertThat(set(siteAdmin.as(), guard.id(), List.of(sites.a())).getList("data.setPersonSites.sites.id"))
                .containsExactly(sites.a());
        assertThat(errorCode(set(siteAdmin.as(), guard.id(), List.of(sites.a(), sites.b())))).isEqualTo("FORBIDDEN");
        assertThat(sitesInDatabase(guard.id())).containsExactly(sites.a());

        Member ofB = twoSites.member(List.of(sites.b()), "staff");
        assertThat(errorCode(set(siteAdmin.as(), ofB.id(), List.of(sites.a())))).isEqualTo("FORBIDDEN");
        assertThat(sitesInDatabase(ofB.id())).containsExactly(sites.b());
    }

    @Test
    void unknownSitesOrPeopleAreNotFoundAndMalformedIdsNameTheirField() {
        Member guard = twoSites.member(List.of(), "guard");
        assertThat(errorCode(set(twoSites.globalAdmin(), guard.id(), List.of(Demo.DEMO_SITE, Demo.UNKNOWN))))
                .isEqualTo("NOT_FOUND");
        assertThat(sitesInDatabase(guard.id())).isEmpty();
        assertThat(errorCode(set(twoSites.globalAdmin(), Demo.UNKNOWN, List.of(Demo.DEMO_SITE))))
                .isEqualTo("NOT_FOUND");

        JsonPath badSite = set(twoSites.globalAdmin(), guard.id(), List.of(Demo.DEMO_SITE, "nowhere"));
        assertThat(errorCode(badSite)).isEqualTo("VALIDATION");
        assertThat(badSite.getString("errors[0].extensions.field")).isEqualTo("siteIds.1");
        JsonPath badPerson = set(twoSites.globalAdmin(), "nobody", List.of(Demo.DEMO_SITE));
        assertThat(badPerson.getString("errors[0].extensions.field")).isEqualTo("personId");
        JsonPath tooMany = set(twoSites.globalAdmin(), guard.id(), Collections.nCopies(101, Demo.DEMO_SITE));
        assertThat(tooMany.getString("errors[0].extensions.field")).isEqualTo("siteIds");
        assertThat(sitesInDatabase(guard.id())).isEmpty();
    }

    @Test
    void onlyAdministratorsAssignSites() {
        Member guard = twoSites.member(List.of(), "guard");
        assertThat(errorCode(set(guard.as(), guard.id(), List.of(Demo.DEMO_SITE)))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(set(graphQL.as("staff", "facilities"), guard.id(), List.of(Demo.DEMO_SITE))))
                .isEqualTo("FORBIDDEN");
        assertThat(errorCode(set(graphQL.anonymous(), guard.id(), List.of(Demo.DEMO_SITE))))
                .isEqualTo("UNAUTHENTICATED");
        assertThat(sitesInDatabase(guard.id())).isEmpty();
    }
}
