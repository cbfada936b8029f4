package io.dayuan.gates;

import static io.dayuan.GraphQL.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.Demo;
import io.dayuan.GraphQL;
import io.dayuan.gates.service.GateEvents;
import io.dayuan.gates.service.GatePassages;
import io.dayuan.gates.service.GatePassages.Passage;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;

@QuarkusTest
class PresenceTest {

    private static final String ON_SITE = """
            query($s: ID!) { onSite(siteId: $s) { holderName subjectKind direction plate passedAt gate { name } } }""";

    @Inject
    GraphQL graphQL;

    @Inject
    GatePassages passages;

    @Inject
    GateEvents gateEvents;

    private String site;
    private UUID gate;

    private void newSiteWithGate() {
        JsonPath created = graphQL.call(graphQL.as("admin"), "mutation($n: String!) { createSite(input: {name: $n}) { id } }",
                Map.of("n", "点名 " + UUID.randomUUID()));
        site = created.getString("data.createSite.id");
        gate = UUID.fromString(graphQL.call(graphQL.as("admin"),
                "mutation($s: ID!) { createGate(input: {siteId: $s, name: \"正门\", kind: BOTH}) { id } }",
                Map.of("s", site)).getString("data.createGate.id"));
    }

    private void pass(String key, String name, SubjectKind kind, Direction direction, int minutesAgo) throws Throwable {
        Passage seen = new Passage(UUID.fromString(site), gate, direction, PassageSource.DEVICE, kind, key, name,
                kind == SubjectKind.VEHICLE ? "京A12345" : null, null, null, null, null,
                OffsetDateTime.now().minusMinutes(minutesAgo));
        VertxContextSupport.subscribeAndAwait(() -> passages.record(seen));
    }

    @Test
    void onSiteListsWhoseLatestPassageWasInward() throws Throwable {
        newSiteWithGate();
        pass("visit:1", "访客甲", SubjectKind.VISITOR, Direction.IN, 30);
        pass("person:2", "职工乙", SubjectKind.PERSON, Direction.IN, 20);
        pass("person:2", "职工乙", SubjectKind.PERSON, Direction.OUT, 10);
        pass("plate:京A12345", "京A12345", SubjectKind.VEHICLE, Direction.IN, 5);

        JsonPath answer = graphQL.call(graphQL.as("guard"), ON_SITE, Map.of("s", site));
        assertThat(answer.getList("errors")).isNull();
        assertThat(answer.getList("data.onSite.holderName")).containsExactly("京A12345", "访客甲");
        assertThat(answer.getList("data.onSite.gate.name")).containsOnly("正门");
        assertThat(answer.getList("data.onSite.subjectKind")).containsExactly("VEHICLE", "VISITOR");
    }

    @Test
    void aPassageReachesTheSitesLiveGateFeed() throws Throwable {
        newSiteWithGate();
        AssertSubscriber<GateEvent> feed = gateEvents.of(UUID.fromString(site)).subscribe()
                .withSubscriber(AssertSubscriber.create(5));
        pass("visit:9", "访客丙", SubjectKind.VISITOR, Direction.IN, 0);
        feed.awaitItems(1, Duration.ofSeconds(5));
        GateEvent event = feed.getItems().get(0);
        assertThat(event.kind()).isEqualTo(GateEventKind.PASSAGE);
        assertThat(event.holderName()).isEqualTo("访客丙");
        assertThat(event.gateId()).isEqualTo(gate.toString());
    }

    @Test
    void onlyGuardsAndAdminsSeeWhoIsOnSite() {
        assertThat(errorCode(graphQL.call(graphQL.as("staff"), ON_SITE, Map.of("s", Demo.DEMO_SITE))))
                .isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), ON_SITE, Map.of("s", Demo.DEMO_SITE))))
                .isEqualTo("UNAUTHENTICATED");
        assertThat(graphQL.call(graphQL.as("admin"), ON_SITE, Map.of("s", Demo.DEMO_SITE)).getList("errors")).isNull();
    }

    @Test
    void aMalformedSiteIdIsAValidationError() {
        JsonPath answer = graphQL.call(graphQL.as("guard"), ON_SITE, Map.of("s", "main-site"));
        assertThat(errorCode(answer)).isEqualTo("VALIDATION");
        assertThat(answer.getString("errors[0].extensions.field")).isEqualTo("siteId");
    }
}
