package io.dayuan.people;

import static io.dayuan.GraphQL.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.Database;
import io.dayuan.Demo;
import io.dayuan.GraphQL;
import io.dayuan.platform.events.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Row;

@QuarkusTest
class PersonSiteApiTest {

    private static final String SET = "mutation($p: ID!, $s: ID) { setPersonSite(personId: $p, siteId: $s) "
            + "{ id name site { id name } } }";

    @Inject
    GraphQL graphQL;

    @Inject
    Database database;

    private record Newcomer(GraphQL.As as, String id) {
    }

    private Newcomer guard() {
        GraphQL.As as = graphQL.as("guard");
        return new Newcomer(as, graphQL.call(as, "{ me { id } }").getString("data.me.id"));
    }

    private static Map<String, Object> vars(String person, String site) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("p", person);
        vars.put("s", site);
        return vars;
    }

    private Object siteIdInDatabase(String personId) {
        List<Row> rows = database.rows("SELECT site_id FROM person WHERE id = $1", UUID.fromString(personId));
        assertThat(rows).hasSize(1);
        return rows.get(0).getValue("site_id");
    }

    @Test
    void anAdminSetsAndClearsAPersonsHomeSite() {
        Newcomer guard = guard();
        assertThat(graphQL.call(guard.as(), "{ me { site { id } } }").getString("data.me.site")).isNull();

        JsonPath set = graphQL.call(graphQL.as("admin"), SET, vars(guard.id(), Demo.DEMO_SITE));
        assertThat(set.getList("errors")).isNull();
        assertThat(set.getString("data.setPersonSite.id")).isEqualTo(guard.id());
        assertThat(set.getString("data.setPersonSite.site.id")).isEqualTo(Demo.DEMO_SITE);
        assertThat(siteIdInDatabase(guard.id())).hasToString(Demo.DEMO_SITE);
        assertThat(graphQL.call(guard.as(), "{ me { site { id } } }").getString("data.me.site.id"))
                .isEqualTo(Demo.DEMO_SITE);

        JsonPath cleared = graphQL.call(graphQL.as("admin"), SET, vars(guard.id(), null));
        assertThat(cleared.getList("errors")).isNull();
        assertThat(cleared.getString("data.setPersonSite.site")).isNull();
        assertThat(siteIdInDatabase(guard.id())).isNull();
        assertThat(graphQL.call(guard.as(), "{ me { site { id } } }").getString("data.me.site")).isNull();
    }

    @Test
    void aChangeMadeThroughAnotherReplicaIsSeenOnceItsEventArrives() throws InterruptedException {
        Newcomer guard = guard();
        assertThat(graphQL.call(guard.as(), "{ me { site { id } } }").getString("data.me.site")).isNull();

        // what another replica's setPersonSite leaves: the row changed and the event, nothing in this one's memory
        database.execute("WITH changed AS (UPDATE person SET site_id = $1 WHERE id = $2 RETURNING id) "
                + "SELECT pg_notify($3, $4) FROM changed", UUID.fromString(Demo.DEMO_SITE), UUID.fromString(guard.id()),
                Events.channel(), Events.payload(PersonChanged.topic(), new PersonChanged(UUID.fromString(guard.id()))));
        String site = null;
        for (int attempt = 0; attempt < 50 && site == null; attempt++) {
            Thread.sleep(100);
            site = graphQL.call(guard.as(), "{ me { site { id } } }").getString("data.me.site.id");
        }
        assertThat(site).isEqualTo(Demo.DEMO_SITE);
    }

    @Test
    void peopleListsHoldersOfARoleAtASite() {
        Newcomer placed = guard();
        Newcomer elsewhere = guard();
        graphQL.call(graphQL.as("admin"), SET, vars(placed.id(), Demo.DEMO_SITE));
        JsonPath answer = graphQL.call(graphQL.as("admin"), "query($s: ID) { people(role: GUARD, siteId: $s) "
                + "{ id roles site { id } } }", vars(null, Demo.DEMO_SITE));
        assertThat(answer.getList("errors")).isNull();
        List<String> ids = answer.getList("data.people.id");
        assertThat(ids).contains(placed.id()).doesNotContain(elsewhere.id());
        assertThat(answer.getList("data.people.site.id")).containsOnly(Demo.DEMO_SITE);
        assertThat(errorCode(graphQL.call(graphQL.as("guard"), "{ people { id } }"))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), "{ people { id } }"))).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void unknownPersonOrSiteIsNotFoundAndChangesNothing() {
        Newcomer guard = guard();
        assertThat(errorCode(graphQL.call(graphQL.as("admin"), SET, vars(guard.id(), Demo.UNKNOWN))))
                .isEqualTo("NOT_FOUND");
        assertThat(siteIdInDatabase(guard.id())).isNull();
        assertThat(errorCode(graphQL.call(graphQL.as("admin"), SET, vars(Demo.UNKNOWN, Demo.DEMO_SITE))))
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void malformedIdsAreValidationErrorsNamingTheField() {
        Newcomer guard = guard();
        JsonPath badPerson = graphQL.call(graphQL.as("admin"), SET, vars("not-a-uuid", Demo.DEMO_SITE));
        assertThat(errorCode(badPerson)).isEqualTo("VALIDATION");
        assertThat(badPerson.getString("errors[0].extensions.field")).isEqualTo("personId");
        JsonPath badSite = graphQL.call(graphQL.as("admin"), SET, vars(guard.id(), "nowhere"));
        assertThat(errorCode(badSite)).isEqualTo("VALIDATION");
        assertThat(badSite.getString("errors[0].extensions.field")).isEqualTo("siteId");
        assertThat(siteIdInDatabase(guard.id())).isNull();
    }

    @Test
    void onlyAdminsSetHomeSites() {
        Newcomer guard = guard();
        assertThat(errorCode(graphQL.call(guard.as(), SET, vars(guard.id(), Demo.DEMO_SITE)))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.as("staff", "facilities"), SET, vars(guard.id(), Demo.DEMO_SITE))))
                .isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), SET, vars(guard.id(), Demo.DEMO_SITE))))
                .isEqualTo("UNAUTHENTICATED");
        assertThat(siteIdInDatabase(guard.id())).isNull();
    }
}
