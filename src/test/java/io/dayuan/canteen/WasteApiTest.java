package io.dayuan.canteen;

import static io.dayuan.GraphQL.errorCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dayuan.Demo;
import io.dayuan.GraphQL.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class WasteApiTest extends CanteenTestBase {

    private static final String RECORD = "mutation($i: RecordWasteInput!) { recordWaste(input: $i) { id date meal stage "
            + "weightGrams dishId reason costCents inspection recordedAt } }";
    private static final String COVERS = "mutation($c: ID!, $d: Date!, $m: Meal!, $n: Int!) { recordCovers(canteenId: $c, date: $d, "
            + "meal: $m, covers: $n) }";
    private static final String REPORT = "query($c: ID!, $f: Date!, $t: Date!) { wasteReport(canteenId: $c, from: $f, to: $t) { "
            + "from to totalGrams covers gramsPerCover byStage { stage grams gramsPerCover } byDay { date grams covers gramsPerCover } "
            + "inspectionRecords costCents previous { from to totalGrams covers gramsPerCover } totalGramsChangePercent "
            + "gramsPerCoverChangePercent } }";

    static Map<String, Object> waste(String canteen, LocalDate date, String meal, String stage, int grams) {
        Map<String, Object> input = new HashMap<>();
        input.put("canteenId", canteen);
        input.put("date", date.toString());
        input.put("meal", meal);
        input.put("stage", stage);
        input.put("weightGrams", grams);
        return input;
    }

    JsonPath record(As as, Map<String, Object> input) {
        return graphQL.call(as, RECORD, Map.of("i", input));
    }

    void recorded(Map<String, Object> input) {
        JsonPath answer = record(kitchen.manager(), input);
        assertThat(answer.getString("data.recordWaste.id")).as(answer.prettify()).isNotNull();
    }

    JsonPath covers(As as, String canteen, LocalDate date, String meal, int covers) {
        return graphQL.call(as, COVERS, Map.of("c", canteen, "d", date.toString(), "m", meal, "n", covers));
    }

    @Test
    void theManagerRecordsWasteAndCovers() {
        String canteen = kitchen.canteen();
        String dish = kitchen.dish(canteen, "剩米饭");
        LocalDate today = Kitchen.today();
        Map<String, Object> input = waste(canteen, today, "LUNCH", "PLATE", 1250);
        input.put("dishId", dish);
        input.put("reason", " 份量过大 ");
        input.put("costCents", 640);
        input.put("inspection", true);
        JsonPath answer = record(kitchen.manager(), input);
        assertThat(answer.getInt("data.recordWaste.weightGrams")).as(answer.prettify()).isEqualTo(1250);
        assertThat(answer.getString("data.recordWaste.dishId")).isEqualTo(dish);
        assertThat(answer.getString("data.recordWaste.reason")).isEqualTo("份量过大");
        assertThat(answer.getBoolean("data.recordWaste.inspection")).isTrue();
        assertThat(database.count("select count(*) from waste_record where canteen_id = $1::uuid and stage = 'PLATE' "
                + "and weight_grams = 1250 and cost_cents = 640 and inspection and recorded_by is not null", canteen)).isEqualTo(1);
        JsonPath atMost = record(graphQL.as("admin"), waste(canteen, today, "DINNER", "SPOILAGE", 500_000));
        assertThat(atMost.getBoolean("data.recordWaste.inspection")).as(atMost.prettify()).isFalse();

        assertThat(covers(kitchen.manager(), canteen, today, "LUNCH", 180).getInt("data.recordCovers")).isEqualTo(180);
        assertThat(covers(kitchen.manager(), canteen, today, "LUNCH", 175).getInt("data.recordCovers")).isEqualTo(175);
        assertThat(database.rows("select covers from meal_covers where canteen_id = $1::uuid", canteen))
                .extracting(row -> row.getInteger("covers")).containsExactly(175);
    }

    @Test
    void badWasteAndCoversAreRefusedNamingTheField() {
        String canteen = kitchen.canteen();
        String foreign = kitchen.dish(kitchen.canteen(), "别家的菜");
        LocalDate today = Kitchen.today();
        for (int grams : new int[] { 0, -3, 500_001 }) {
            JsonPath answer = record(kitchen.manager(), waste(canteen, today, "LUNCH", "PLATE", grams));
            assertThat(errorCode(answer)).as("weight " + grams).isEqualTo("VALIDATION");
            assertThat(answer.getString("errors[0].extensions.field")).isEqualTo("weightGrams");
        }
        JsonPath future = record(kitchen.manager(), waste(canteen, today.plusDays(1), "LUNCH", "PLATE", 10));
        assertThat(errorCode(future)).isEqualTo("VALIDATION");
        assertThat(future.getString("errors[0].extensions.field")).isEqualTo("date");
        Map<String, Object> elsewhere = waste(canteen, today, "LUNCH", "PLATE", 10);
        elsewhere.put("dishId", foreign);
        assertThat(record(kitchen.manager(), elsewhere).getString("errors[0].extensions.field")).isEqualTo("dishId");
        Map<String, Object> unknownDish = waste(canteen, today, "LUNCH", "PLATE", 10);
        unknownDish.put("dishId", Demo.UNKNOWN);
        assertThat(errorCode(record(kitchen.manager(), unknownDish))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(record(kitchen.manager(), waste(canteen, today, "LUNCH", "EATEN", 10)))).isEqualTo("VALIDATION");
        Map<String, Object> negativeCost = waste(canteen, today, "LUNCH", "PLATE", 10);
        negativeCost.put("costCents", -1);
        assertThat(record(kitchen.manager(), negativeCost).getString("errors[0].extensions.field")).isEqualTo("costCents");
        assertThat(errorCode(record(kitchen.manager(), waste(Demo.UNKNOWN, today, "LUNCH", "PLATE", 10)))).isEqualTo("NOT_FOUND");
        assertThat(database.count("select count(*) from waste_record where canteen_id = $1::uuid", canteen)).isZero();

        JsonPath negative = covers(kitchen.manager(), canteen, today, "LUNCH", -1);
        assertThat(errorCode(negative)).isEqualTo("VALIDATION");
        assertThat(negative.getString("errors[0].extensions.field")).isEqualTo("covers");
        assertThat(covers(kitchen.manager(), canteen, today.plusDays(1), "LUNCH", 5).getString("errors[0].extensions.field"))
                .isEqualTo("date");
        assertThat(errorCode(covers(kitchen.manager(), Demo.UNKNOWN, today, "LUNCH", 5))).isEqualTo("NOT_FOUND");
        assertThat(database.count("select count(*) from meal_covers where canteen_id = $1::uuid", canteen)).isZero();

        JsonPath backwards = graphQL.call(kitchen.manager(), REPORT, Map.of("c", canteen, "f", today.toString(),
                "t", today.minusDays(1).toString()));
        assertThat(backwards.getString("errors[0].extensions.field")).isEqualTo("to");
        assertThat(errorCode(graphQL.call(kitchen.manager(), REPORT, Map.of("c", canteen, "f", today.minusYears(2).toString(),
                "t", today.toString())))).isEqualTo("VALIDATION");
        assertThat(errorCode(graphQL.call(kitchen.manager(), REPORT, Map.of("c", Demo.UNKNOWN, "f", today.toString(),
                "t", today.toString())))).isEqualTo("NOT_FOUND");
    }

    @Test
    void onlyCanteenManagersAndAdminsRecordAndReadWaste() {
        String canteen = kitchen.canteen();
        LocalDate today = Kitchen.today();
        assertThat(errorCode(record(kitchen.staff(), waste(canteen, today, "LUNCH", "PLATE", 10)))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(record(graphQL.anonymous(), waste(canteen, today, "LUNCH", "PLATE", 10)))).isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(covers(graphQL.as("facilities"), canteen, today, "LUNCH", 5))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(covers(graphQL.anonymous(), canteen, today, "LUNCH", 5))).isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(graphQL.call(kitchen.staff(), REPORT, Map.of("c", canteen, "f", today.toString(),
                "t", today.toString())))).isEqualTo("FORBIDDEN");
        assertThat(database.count("select count(*) from waste_record where canteen_id = $1::uuid", canteen)).isZero();
        assertThat(database.count("select count(*) from meal_covers where canteen_id = $1::uuid", canteen)).isZero();
    }

    @Test
    void theReportAddsUpKnownWasteAgainstThePreviousPeriod() {
        String canteen = kitchen.canteen();
        String dish = kitchen.dish(canteen, "红烧肉");
        LocalDate today = Kitchen.today();
        LocalDate d1 = today.minusDays(10);
        LocalDate d2 = today.minusDays(9);
        LocalDate d3 = today.minusDays(8);
        recorded(waste(canteen, d1, "LUNCH", "PLATE", 1000));
        Map<String, Object> inspected = waste(canteen, d1, "LUNCH", "PREPARATION", 500);
        inspected.put("costCents", 300);
        inspected.put("inspection", true);
        recorded(inspected);
        Map<String, Object> overproduced = waste(canteen, d2, "DINNER", "OVERPRODUCTION", 2000);
        overproduced.put("dishId", dish);
        recorded(overproduced);
        recorded(waste(canteen, d3, "LUNCH", "SPOILAGE", 300));
        recorded(waste(canteen, today.minusDays(12), "LUNCH", "PLATE", 4000));
        recorded(waste(canteen, today.minusDays(20), "LUNCH", "PLATE", 99_999));
        covers(kitchen.manager(), canteen, d1, "LUNCH", 100);
        covers(kitchen.manager(), canteen, d1, "DINNER", 50);
        covers(kitchen.manager(), canteen, d2, "DINNER", 80);
        covers(kitchen.manager(), canteen, d3, "LUNCH", 70);
        covers(kitchen.manager(), canteen, today.minusDays(12), "LUNCH", 150);
        covers(kitchen.manager(), canteen, today.minusDays(12), "LUNCH", 200);

        JsonPath report = graphQL.call(kitchen.manager(), REPORT, Map.of("c", canteen, "f", d1.toString(), "t", d3.toString()));
        String r = "data.wasteReport.";
        assertThat(report.getLong(r + "totalGrams")).as(report.prettify()).isEqualTo(3800);
        assertThat(report.getLong(r + "covers")).isEqualTo(300);
        assertThat(report.getDouble(r + "gramsPerCover")).isCloseTo(3800.0 / 300, offset(1e-4));
        assertThat(report.getList(r + "byStage.stage")).containsExactly("PREPARATION", "OVERPRODUCTION", "PLATE", "SPOILAGE");
        assertThat(report.getList(r + "byStage.grams")).containsExactly(500, 2000, 1000, 300);
        assertThat(report.getDouble(r + "byStage[1].gramsPerCover")).isCloseTo(2000.0 / 300, offset(1e-4));
        assertThat(report.getList(r + "byDay.date")).containsExactly(d1.toString(), d2.toString(), d3.toString());
        assertThat(report.getList(r + "byDay.grams")).containsExactly(1500, 2000, 300);
        assertThat(report.getList(r + "byDay.covers")).containsExactly(150, 80, 70);
        assertThat(report.getDouble(r + "byDay[0].gramsPerCover")).isCloseTo(10.0, offset(1e-4));
        assertThat(report.getDouble(r + "byDay[1].gramsPerCover")).isCloseTo(25.0, offset(1e-4));
        assertThat(report.getLong(r + "inspectionRecords")).isEqualTo(1);
        assertThat(report.getLong(r + "costCents")).isEqualTo(300);
        assertThat(report.getString(r + "previous.from")).isEqualTo(today.minusDays(13).toString());
        assertThat(report.getString(r + "previous.to")).isEqualTo(today.minusDays(11).toString());
        assertThat(report.getLong(r + "previous.totalGrams")).isEqualTo(4000);
        assertThat(report.getLong(r + "previous.covers")).isEqualTo(200);
        assertThat(report.getDouble(r + "previous.gramsPerCover")).isCloseTo(20.0, offset(1e-4));
        assertThat(report.getDouble(r + "totalGramsChangePercent")).isCloseTo(-5.0, offset(1e-4));
        assertThat(report.getDouble(r + "gramsPerCoverChangePercent")).isCloseTo((3800.0 / 300 - 20) / 20 * 100, offset(1e-3));

        JsonPath empty = graphQL.call(kitchen.manager(), REPORT, Map.of("c", canteen, "f", today.minusDays(40).toString(),
                "t", today.minusDays(40).toString()));
        assertThat(empty.getLong("data.wasteReport.totalGrams")).as(empty.prettify()).isZero();
        assertThat(empty.getString("data.wasteReport.gramsPerCover")).isNull();
        assertThat(empty.getString("data.wasteReport.totalGramsChangePercent")).isNull();
        assertThat(empty.getList("data.wasteReport.byDay")).isEmpty();
        assertThat(empty.getList("data.wasteReport.byStage.grams")).containsExactly(0, 0, 0, 0);
    }
}
