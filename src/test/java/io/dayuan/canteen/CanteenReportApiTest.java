package io.dayuan.canteen;

import static io.dayuan.GraphQL.errorCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dayuan.Demo;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class CanteenReportApiTest extends CanteenTestBase {

    private static final String REPORT = "query($c: ID!, $f: Date!, $t: Date!) { canteenReport(canteenId: $c, from: $f, to: $t) { "
            + "from to covers registrations coversPerRegistration byMeal { meal registrations covers coversPerRegistration } "
            + "wasteGrams wasteGramsPerCover wasteByStage { stage grams gramsPerCover } leftoverPortionsOffered "
            + "leftoverPortionsClaimed averageRating ratings dishRatings { dishName averageRating ratings } } }";

    private void pastRegistrations(String canteen, LocalDate date, String meal, int count) {
        for (int i = 0; i < count; i++) {
            String person = database.rows("insert into person (subject, name, roles) values ($1, '历史', '{staff}') returning id::text",
                    "report-" + UUID.randomUUID()).get(0).getString(0);
            database.execute("insert into meal_registration (canteen_id, person_id, date, meal) values ($1::uuid, $2::uuid, $3, $4)",
                    canteen, person, date, meal);
        }
    }

    private void ok(JsonPath answer) {
        assertThat(answer.getList("errors")).as(answer.prettify()).isNull();
    }

    @Test
    void theReportAddsUpTheFiguresOfThePeriod() {
        String canteen = kitchen.canteen();
        String beef = kitchen.dish(canteen, "土豆牛肉");
        String cabbage = kitchen.dish(canteen, "醋溜白菜");
        LocalDate first = Kitchen.today().minusDays(5);
        LocalDate second = Kitchen.today().minusDays(4);
        pastRegistrations(canteen, first, "LUNCH", 10);
        pastRegistrations(canteen, second, "DINNER", 4);
        pastRegistrations(canteen, Kitchen.today().minusDays(6), "LUNCH", 50);
        String covers = "mutation($c: ID!, $d: Date!, $m: Meal!, $n: Int!) { recordCovers(canteenId: $c, date: $d, meal: $m, covers: $n) }";
        ok(graphQL.call(kitchen.manager(), covers, Map.of("c", canteen, "d", first.toString(), "m", "LUNCH", "n", 12)));
        ok(graphQL.call(kitchen.manager(), covers, Map.of("c", canteen, "d", second.toString(), "m", "DINNER", "n", 3)));
        String waste = "mutation($i: RecordWasteInput!) { recordWaste(input: $i) { id } }";
        ok(graphQL.call(kitchen.manager(), waste, Map.of("i", WasteApiTest.waste(canteen, first, "LUNCH", "PLATE", 600))));
        ok(graphQL.call(kitchen.manager(), waste, Map.of("i", WasteApiTest.waste(canteen, second, "DINNER", "PREPARATION", 300))));
        JsonPath offer = graphQL.call(kitchen.manager(), "mutation($i: OfferLeftoversInput!) { offerLeftovers(input: $i) { id } }",
                Map.of("i", Map.of("canteenId", canteen, "dishId", beef, "date", first.toString(), "meal", "LUNCH", "portions", 5,
                        "priceCents", 0, "availableUntil", OffsetDateTime.now().plusHours(1).toString())));
        String offerId = offer.getString("data.offerLeftovers.id");
        for (int i = 0; i < 2; i++) {
            ok(graphQL.call(kitchen.staff(), "mutation($o: ID!) { claimLeftovers(offerId: $o) { id } }", Map.of("o", offerId)));
        }
        String menu = kitchen.publishedMenu(canteen, first, "LUNCH", List.of(beef, cabbage));
        List<String> items = graphQL.call(kitchen.manager(), "query($id: ID!) { menu(id: $id) { items { id } } }",
                Map.of("id", menu)).getList("data.menu.items.id");
        String rate = "mutation($i: ID!, $s: Int!) { rateDish(menuItemId: $i, stars: $s) { id } }";
        ok(graphQL.call(kitchen.staff(), rate, Map.of("i", items.get(0), "s", 4)));
        ok(graphQL.call(kitchen.staff(), rate, Map.of("i", items.get(0), "s", 2)));
        ok(graphQL.call(kitchen.staff(), rate, Map.of("i", items.get(1), "s", 5)));

        JsonPath report = graphQL.call(kitchen.manager(), REPORT, Map.of("c", canteen, "f", first.toString(), "t", second.toString()));
        String r = "data.canteenReport.";
        assertThat(report.getLong(r + "covers")).as(report.prettify()).isEqualTo(15);
        assertThat(report.getLong(r + "registrations")).isEqualTo(14);
        assertThat(report.getDouble(r + "coversPerRegistration")).isCloseTo(15.0 / 14, offset(1e-4));
        assertThat(report.getList(r + "byMeal.meal")).containsExactly("BREAKFAST", "LUNCH", "DINNER");
        assertThat(report.getList(r + "byMeal.registrations")).containsExactly(0, 10, 4);
        assertThat(report.getList(r + "byMeal.covers")).containsExactly(0, 12, 3);
        assertThat(report.getString(r + "byMeal[0].coversPerRegistration")).isNull();
        assertThat(report.getDouble(r + "byMeal[2].coversPerRegistration")).isCloseTo(0.75, offset(1e-4));
        assertThat(report.getLong(r + "wasteGrams")).isEqualTo(900);
        assertThat(report.getDouble(r + "wasteGramsPerCover")).isCloseTo(60.0, offset(1e-4));
        assertThat(report.getList(r + "wasteByStage.grams")).containsExactly(300, 0, 600, 0);
        assertThat(report.getDouble(r + "wasteByStage[2].gramsPerCover")).isCloseTo(40.0, offset(1e-4));
        assertThat(report.getDouble(r + "wasteByStage[0].gramsPerCover")).isCloseTo(20.0, offset(1e-4));
        assertThat(report.getLong(r + "leftoverPortionsOffered")).isEqualTo(5);
        assertThat(report.getLong(r + "leftoverPortionsClaimed")).isEqualTo(2);
        assertThat(report.getDouble(r + "averageRating")).isCloseTo(11.0 / 3, offset(1e-4));
        assertThat(report.getLong(r + "ratings")).isEqualTo(3);
        assertThat(report.getList(r + "dishRatings.dishName")).containsExactly("醋溜白菜", "土豆牛肉");
        assertThat(report.getDouble(r + "dishRatings[1].averageRating")).isCloseTo(3.0, offset(1e-4));
    }

    @Test
    void badPeriodsUnknownCanteensAndWrongRolesAreRefused() {
        String canteen = kitchen.canteen();
        LocalDate today = Kitchen.today();
        JsonPath backwards = graphQL.call(kitchen.manager(), REPORT, Map.of("c", canteen, "f", today.toString(),
                "t", today.minusDays(1).toString()));
        assertThat(errorCode(backwards)).isEqualTo("VALIDATION");
        assertThat(backwards.getString("errors[0].extensions.field")).isEqualTo("to");
        assertThat(errorCode(graphQL.call(kitchen.manager(), REPORT, Map.of("c", Demo.UNKNOWN, "f", today.toString(),
                "t", today.toString())))).isEqualTo("NOT_FOUND");
        JsonPath empty = graphQL.call(graphQL.as("admin"), REPORT, Map.of("c", canteen, "f", today.toString(), "t", today.toString()));
        assertThat(empty.getLong("data.canteenReport.covers")).as(empty.prettify()).isZero();
        assertThat(empty.getString("data.canteenReport.averageRating")).isNull();
        assertThat(errorCode(graphQL.call(kitchen.staff(), REPORT, Map.of("c", canteen, "f", today.toString(),
                "t", today.toString())))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), REPORT, Map.of("c", canteen, "f", today.toString(),
                "t", today.toString())))).isEqualTo("UNAUTHENTICATED");
    }
}
