package io.dayuan.platform.graphql;

import static io.dayuan.GraphQL.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.Demo;
import io.dayuan.GraphQL;
import io.dayuan.canteen.Kitchen;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The one check every argument passes before its resolver: text, Int range, dates, nulls in lists, defaults. */
@QuarkusTest
class ArgumentCheckTest {

    private static final String SITE = Demo.DEMO_SITE;

    @Inject
    GraphQL graphQL;

    @Inject
    Kitchen kitchen;

    private static void assertRefused(JsonPath answer, String field) {
        assertThat(errorCode(answer)).as(answer.prettify()).isEqualTo("VALIDATION");
        assertThat(answer.getString("errors[0].extensions.field")).as(answer.prettify()).isEqualTo(field);
    }

    @Test
    void aNulInTextIsRefusedNamingTheFieldEvenAnonymously() {
        assertRefused(graphQL.call(graphQL.as("admin"), "mutation { createSite(input: {name: \"a\\u0000b\"}) { id } }"),
                "name");
        Map<String, Object> visit = Map.of("siteId", SITE, "hostPhone", "13800138000", "visitorName", "a\u0000b",
                "visitorPhone", "13900139000", "arriveFrom", "2030-01-01T09:00:00Z", "arriveUntil", "2030-01-01T10:00:00Z");
        assertRefused(graphQL.call(graphQL.anonymous(),
                "mutation($i: VisitRequestInput!) { requestVisit(input: $i) { id } }", Map.of("i", visit)), "visitorName");
    }

    @Test
    void aLoneSurrogateIsRefusedNotStoredAsAQuestionMark() {
        JsonPath answer = graphQL.call(graphQL.as("admin"), "mutation($n: String!) { createSite(input: {name: $n}) { id } }",
                Map.of("n", "a\ud800b"));
        assertRefused(answer, "name");
        JsonPath emoji = graphQL.call(graphQL.as("admin"),
                "mutation($n: String!) { createSite(input: {name: $n}) { name } }", Map.of("n", "园区 \ud83c\udfe2"));
        assertThat(emoji.getString("data.createSite.name")).isEqualTo("园区 \ud83c\udfe2");
    }

    @Test
    void aReasonLongerThanItsMaximumIsRefused() {
        String id = UUID.randomUUID().toString();
        assertRefused(graphQL.call(graphQL.as("admin"), "mutation($r: String) { cancelVisit(id: \"" + id
                + "\", reason: $r) { id } }", Map.of("r", "x".repeat(501))), "reason");
        assertRefused(graphQL.call(graphQL.as("admin"), "mutation($r: String) { rejectVisit(id: \"" + id
                + "\", reason: $r) { id } }", Map.of("r", "x".repeat(10_000))), "reason");
    }

    @Test
    void anIntOutsideThe32BitRangeIsRefusedAsLiteralAndAsVariable() {
        String canteen = kitchen.canteen();
        assertRefused(graphQL.call(kitchen.manager(), "mutation { recordCovers(canteenId: \"" + canteen
                + "\", date: \"" + Kitchen.today() + "\", meal: LUNCH, covers: 4294967336) }"), "covers");
        assertRefused(graphQL.call(graphQL.as("staff"), "query($f: Int) { myBookings(first: $f) { id } }",
                Map.of("f", 2147483648L)), "first");
        assertRefused(graphQL.call(graphQL.as("admin"), "mutation($i: NewRoomInput!) { createRoom(input: $i) { id } }",
                Map.of("i", Map.of("siteId", SITE, "name", "r", "capacity", 4294967304L))), "capacity");
    }

    @Test
    void aDateFarFromTodayIsRefused() {
        String canteen = kitchen.canteen();
        assertRefused(graphQL.call(graphQL.as("guard"), "query { expectedVisits(siteId: \"" + SITE
                + "\", date: \"+999999999-12-31\") { id } }"), "date");
        assertRefused(graphQL.call(kitchen.manager(), "mutation { recordCovers(canteenId: \"" + canteen
                + "\", date: \"0000-01-01\", meal: LUNCH, covers: 4) }"), "date");
        String dish = kitchen.dish(canteen, "红烧肉");
        assertRefused(graphQL.call(kitchen.manager(), "mutation($i: SaveMenuInput!) { saveMenu(input: $i) { id } }",
                Map.of("i", Map.of("canteenId", canteen, "date", "9999-12-31", "meal", "LUNCH",
                        "items", List.of(Map.of("dishId", dish))))), "date");
        assertRefused(graphQL.call(graphQL.as("guard"), "mutation($s: [OfflineScanInput!]!) { uploadOfflineScans(scans: $s) "
                + "{ received } }", Map.of("s", List.of(Map.of("id", UUID.randomUUID().toString(), "code", "DY:x",
                        "gateId", UUID.randomUUID().toString(), "direction", "IN", "decision", "ALLOW",
                        "scannedAt", "0001-01-01T00:00:00Z")))), "scans.scannedAt");
        JsonPath near = graphQL.call(kitchen.manager(), "mutation { recordCovers(canteenId: \"" + canteen
                + "\", date: \"" + LocalDate.now().minusYears(1) + "\", meal: LUNCH, covers: 4) }");
        assertThat(near.getInt("data.recordCovers")).as(near.prettify()).isEqualTo(4);
    }

    @Test
    void aNullInsideAListIsRefused() {
        assertRefused(graphQL.call(graphQL.as("admin"), "mutation { createRoom(input: {siteId: \"" + SITE
                + "\", name: \"n\", capacity: 3, equipment: [null]}) { id } }"), "equipment");
    }

    @Test
    void anExplicitNullMeansTheDefault() {
        assertNoErrors(graphQL.call(graphQL.as("staff"), "{ myVisits(first: null) { id } }"));
        assertNoErrors(graphQL.call(graphQL.as("admin"), "{ scans(siteId: \"" + SITE + "\", first: null) { scans { id } } }"));
        assertNoErrors(graphQL.call(graphQL.as("staff"), "{ myNotifications(unreadOnly: null) { items { id } } }"));
        assertNoErrors(graphQL.call(graphQL.as("facilities"), "{ serviceTasks(siteId: \"" + SITE + "\", date: \""
                + LocalDate.now() + "\", includeCancelled: null) { id } }"));
        JsonPath suggestion = graphQL.call(graphQL.as("staff"), "mutation { submitSuggestion(canteenId: \""
                + kitchen.canteen() + "\", text: \"更多素菜\", anonymous: null) { anonymous } }");
        assertNoErrors(suggestion);
        assertThat(suggestion.getBoolean("data.submitSuggestion.anonymous")).isFalse();
    }

    private static void assertNoErrors(JsonPath answer) {
        assertThat(answer.getList("errors")).as(answer.prettify()).isNull();
    }
}
