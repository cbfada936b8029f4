package io.dayuan.canteen;

import static io.dayuan.GraphQL.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dayuan.Demo;
import io.dayuan.GraphQL.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class MealRegistrationApiTest extends CanteenTestBase {

    private static final String REGISTER = "mutation($c: ID!, $d: Date!, $m: Meal!) { registerMeal(canteenId: $c, date: $d, meal: $m) "
            + "{ id canteenId date meal createdAt } }";
    private static final String CANCEL = "mutation($c: ID!, $d: Date!, $m: Meal!) { cancelMealRegistration(canteenId: $c, date: $d, meal: $m) }";
    private static final String CUTOFF = "mutation($c: ID!, $m: Meal!, $n: Int!, $at: String!) { setMealCutoff(canteenId: $c, meal: $m, "
            + "daysBefore: $n, at: $at) { meal daysBefore at custom } }";
    private static final String PLAN = "query($c: ID!, $f: Date!, $t: Date!) { mealPlan(canteenId: $c, from: $f, to: $t) { date meal "
            + "registrations walkInAverage sampleMeals suggestedPortions plannedPortions registrationClosesAt } }";

    private JsonPath register(As as, String canteen, LocalDate date, String meal) {
        return graphQL.call(as, REGISTER, Map.of("c", canteen, "d", date.toString(), "m", meal));
    }

    private JsonPath cancel(As as, String canteen, LocalDate date, String meal) {
        return graphQL.call(as, CANCEL, Map.of("c", canteen, "d", date.toString(), "m", meal));
    }

    private JsonPath cutoff(String canteen, String meal, int days, String at) {
        return graphQL.call(kitchen.manager(), CUTOFF, Map.of("c", canteen, "m", meal, "n", days, "at", at));
    }

    @Test
    void staffRegisterAndCancelUntilTheCanteensCutoff() {
        String canteen = kitchen.canteen();
        String subject = "diner-" + UUID.randomUUID();
        As diner = graphQL.person(subject, "报餐人", null, null, "staff");
        LocalDate day = Kitchen.today().plusDays(3);

        JsonPath registered = register(diner, canteen, day, "LUNCH");
        String id = registered.getString("data.registerMeal.id");
        assertThat(id).as(registered.prettify()).isNotNull();
        assertThat(registered.getString("data.registerMeal.canteenId")).isEqualTo(canteen);
        assertThat(registered.getString("data.registerMeal.date")).isEqualTo(day.toString());
        assertThat(register(diner, canteen, day, "LUNCH").getString("data.registerMeal.id")).isEqualTo(id);
        assertThat(database.count("select count(*) from meal_registration r join person p on p.id = r.person_id "
                + "where p.subject = $1 and r.date = $2 and r.meal = 'LUNCH'", subject, day)).isEqualTo(1);
        assertThat(errorCode(register(diner, kitchen.canteen(), day, "LUNCH"))).isEqualTo("CONFLICT");
        JsonPath mine = graphQL.call(diner, "query($f: Date!, $t: Date!) { myMealRegistrations(from: $f, to: $t) { id meal } }",
                Map.of("f", day.toString(), "t", day.toString()));
        assertThat(mine.getList("data.myMealRegistrations.id")).containsExactly(id);

        // lunch closes three days ahead at midnight: already past for this lunch
        JsonPath closed = cutoff(canteen, "LUNCH", 3, "00:00");
        assertThat(closed.getBoolean("data.setMealCutoff.custom")).as(closed.prettify()).isTrue();
        JsonPath late = register(kitchen.staff(), canteen, day, "LUNCH");
        assertThat(errorCode(late)).isEqualTo("VALIDATION");
        assertThat(late.getString("errors[0].extensions.field")).isEqualTo("date");
        JsonPath lateCancel = cancel(diner, canteen, day, "LUNCH");
        assertThat(errorCode(lateCancel)).isEqualTo("VALIDATION");
        assertThat(lateCancel.getString("errors[0].extensions.field")).isEqualTo("date");
        assertThat(database.count("select count(*) from meal_registration where id = $1::uuid", id)).isEqualTo(1);

        // two days ahead at 23:59: open again
        cutoff(canteen, "LUNCH", 2, "23:59");
        JsonPath cancelled = cancel(diner, canteen, day, "LUNCH");
        assertThat(cancelled.getBoolean("data.cancelMealRegistration")).as(cancelled.prettify()).isTrue();
        assertThat(database.count("select count(*) from meal_registration where id = $1::uuid", id)).isZero();
        assertThat(errorCode(cancel(diner, canteen, day, "LUNCH"))).isEqualTo("NOT_FOUND");

        JsonPath cutoffs = graphQL.call(diner, "query($c: ID!) { mealCutoffs(canteenId: $c) { meal daysBefore at custom } }",
                Map.of("c", canteen));
        assertThat(cutoffs.getList("data.mealCutoffs.meal")).containsExactly("BREAKFAST", "LUNCH", "DINNER");
        assertThat(cutoffs.getList("data.mealCutoffs.daysBefore")).containsExactly(1, 2, 0);
        assertThat(cutoffs.getList("data.mealCutoffs.at")).containsExactly("20:00", "23:59", "15:00");
        assertThat(cutoffs.getList("data.mealCutoffs.custom")).containsExactly(false, true, false);

        // a meal of the past is always closed
        JsonPath past = register(diner, canteen, Kitchen.today().minusDays(1), "DINNER");
        assertThat(errorCode(past)).isEqualTo("VALIDATION");
        assertThat(past.getString("errors[0].extensions.field")).isEqualTo("date");
    }

    @Test
    void badRegistrationsAndCutoffsAreRefused() {
        String canteen = kitchen.canteen();
        LocalDate day = Kitchen.today().plusDays(3);
        assertThat(errorCode(register(kitchen.staff(), Demo.UNKNOWN, day, "LUNCH"))).isEqualTo("NOT_FOUND");
        JsonPath badId = register(kitchen.staff(), "nope", day, "LUNCH");
        assertThat(badId.getString("errors[0].extensions.field")).isEqualTo("canteenId");
        assertThat(errorCode(graphQL.call(kitchen.staff(), REGISTER, Map.of("c", canteen, "d", "tomorrow", "m", "LUNCH"))))
                .isEqualTo("VALIDATION");
        assertThat(errorCode(register(kitchen.staff(), canteen, day, "SUPPER"))).isEqualTo("VALIDATION");
        JsonPath badTime = cutoff(canteen, "LUNCH", 0, "25:00");
        assertThat(errorCode(badTime)).isEqualTo("VALIDATION");
        assertThat(badTime.getString("errors[0].extensions.field")).isEqualTo("at");
        JsonPath badDays = cutoff(canteen, "LUNCH", 15, "10:00");
        assertThat(errorCode(badDays)).isEqualTo("VALIDATION");
        assertThat(badDays.getString("errors[0].extensions.field")).isEqualTo("daysBefore");
        assertThat(errorCode(cutoff(Demo.UNKNOWN, "LUNCH", 0, "10:00"))).isEqualTo("NOT_FOUND");
        assertThat(database.count("select count(*) from meal_cutoff where canteen_id = $1::uuid", canteen)).isZero();
        JsonPath backwards = graphQL.call(kitchen.manager(), PLAN, Map.of("c", canteen, "f", day.toString(), "t", day.minusDays(1).toString()));
        assertThat(backwards.getString("errors[0].extensions.field")).isEqualTo("to");
    }

    @Test
    void onlyStaffRegisterAndOnlyManagersPlan() {
        String canteen = kitchen.canteen();
        LocalDate day = Kitchen.today().plusDays(3);
        assertThat(errorCode(register(graphQL.as("guard"), canteen, day, "LUNCH"))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(register(kitchen.manager(), canteen, day, "LUNCH"))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(register(graphQL.anonymous(), canteen, day, "LUNCH"))).isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(cancel(graphQL.as("guard"), canteen, day, "LUNCH"))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(kitchen.staff(), CUTOFF, Map.of("c", canteen, "m", "LUNCH", "n", 0, "at", "11:00"))))
                .isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(kitchen.staff(), PLAN, Map.of("c", canteen, "f", day.toString(), "t", day.toString()))))
                .isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), PLAN, Map.of("c", canteen, "f", day.toString(), "t", day.toString()))))
                .isEqualTo("UNAUTHENTICATED");
        assertThat(database.count("select count(*) from meal_registration where canteen_id = $1::uuid", canteen)).isZero();
        assertThat(database.count("select count(*) from meal_cutoff where canteen_id = $1::uuid", canteen)).isZero();
    }

    @Test
    void registrationListsAndCutoffsRefuseBadInputAndStrangers() {
        LocalDate day = Kitchen.today();
        String mine = "query($f: Date!, $t: Date!) { myMealRegistrations(from: $f, to: $t) { id } }";
        JsonPath backwards = graphQL.call(kitchen.staff(), mine, Map.of("f", day.toString(), "t", day.minusDays(1).toString()));
        assertThat(errorCode(backwards)).isEqualTo("VALIDATION");
        assertThat(backwards.getString("errors[0].extensions.field")).isEqualTo("to");
        assertThat(graphQL.call(kitchen.staff(), mine, Map.of("f", day.toString(), "t", day.toString()))
                .getList("data.myMealRegistrations")).isEmpty();
        assertThat(errorCode(graphQL.call(graphQL.as("guard"), mine, Map.of("f", day.toString(), "t", day.toString()))))
                .isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), mine, Map.of("f", day.toString(), "t", day.toString()))))
                .isEqualTo("UNAUTHENTICATED");
        String cutoffs = "query($c: ID!) { mealCutoffs(canteenId: $c) { meal } }";
        assertThat(errorCode(graphQL.call(kitchen.staff(), cutoffs, Map.of("c", Demo.UNKNOWN)))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), cutoffs, Map.of("c", Demo.TOWN_HALL_CANTEEN))))
                .isEqualTo("UNAUTHENTICATED");
        // the demo's second canteen closes lunch at 17:00 the day before
        JsonPath demo = graphQL.call(graphQL.as("guard"), "query($c: ID!) { mealCutoffs(canteenId: $c) { meal daysBefore at custom } }",
                Map.of("c", "00000000-0000-0000-0000-00000000c002"));
        assertThat(demo.getList("data.mealCutoffs.at")).as(demo.prettify()).containsExactly("20:00", "17:00", "15:00");
    }

    /** Registrations of a past meal, written directly (the API refuses them after the cut-off). */
    private void pastRegistrations(String canteen, LocalDate date, String meal, int count) {
        for (int i = 0; i < count; i++) {
            String person = database.rows("insert into person (subject, name, roles) values ($1, '历史', '{staff}') returning id::text",
                    "history-" + UUID.randomUUID()).get(0).getString(0);
            database.execute("insert into meal_registration (canteen_id, person_id, date, meal) values ($1::uuid, $2::uuid, $3, $4)",
                    canteen, person, date, meal);
        }
    }

    private void covers(String canteen, LocalDate date, String meal, int covers) {
        JsonPath recorded = graphQL.call(kitchen.manager(), "mutation($c: ID!, $d: Date!, $m: Meal!, $n: Int!) "
                + "{ recordCovers(canteenId: $c, date: $d, meal: $m, covers: $n) }", Map.of("c", canteen, "d", date.toString(),
                "m", meal, "n", covers));
        assertThat(recorded.getInt("data.recordCovers")).as(recorded.prettify()).isEqualTo(covers);
    }

    @Test
    void thePlanSuggestsRegistrationsPlusTheWalkInsOfRecentComparableMeals() {
        String canteen = kitchen.canteen();
        LocalDate today = Kitchen.today();
        // lunches: covers - registrations = 12-10, 15-10, 9-5 = 2, 5, 4: average 11/3, rounded 4
        pastRegistrations(canteen, today.minusDays(7), "LUNCH", 10);
        covers(canteen, today.minusDays(7), "LUNCH", 12);
        pastRegistrations(canteen, today.minusDays(14), "LUNCH", 10);
        covers(canteen, today.minusDays(14), "LUNCH", 15);
        pastRegistrations(canteen, today.minusDays(21), "LUNCH", 5);
        covers(canteen, today.minusDays(21), "LUNCH", 9);
        // a lunch without covers counts for nothing
        pastRegistrations(canteen, today.minusDays(28), "LUNCH", 7);
        // dinners: the eight most recent have 3 walk-ins each; the ninth (older) is not in the sample
        for (int week = 1; week <= 8; week++) {
            covers(canteen, today.minusDays(week), "DINNER", 3);
        }
        covers(canteen, today.minusDays(9), "DINNER", 1000);

        LocalDate coming = today.plusDays(2);
        for (int i = 0; i < 6; i++) {
            assertThat(register(kitchen.staff(), canteen, coming, "LUNCH").getString("data.registerMeal.id")).isNotNull();
        }
        String rice = kitchen.dish(canteen, "米饭");
        String soup = kitchen.dish(canteen, "汤");
        kitchen.menu(canteen, coming, "LUNCH", List.of(rice, soup));

        JsonPath plan = graphQL.call(kitchen.manager(), PLAN, Map.of("c", canteen, "f", coming.toString(), "t", coming.toString()));
        assertThat(plan.getList("data.mealPlan.meal")).as(plan.prettify()).containsExactly("BREAKFAST", "LUNCH", "DINNER");
        assertThat(plan.getInt("data.mealPlan[1].registrations")).isEqualTo(6);
        assertThat(plan.getDouble("data.mealPlan[1].walkInAverage")).isCloseTo(11.0 / 3, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(plan.getInt("data.mealPlan[1].sampleMeals")).isEqualTo(3);
        assertThat(plan.getInt("data.mealPlan[1].suggestedPortions")).isEqualTo(10);
        assertThat(plan.getInt("data.mealPlan[1].plannedPortions")).isEqualTo(30);
        assertThat(plan.getInt("data.mealPlan[2].registrations")).isZero();
        assertThat(plan.getDouble("data.mealPlan[2].walkInAverage")).isEqualTo(3.0);
        assertThat(plan.getInt("data.mealPlan[2].sampleMeals")).isEqualTo(8);
        assertThat(plan.getInt("data.mealPlan[2].suggestedPortions")).isEqualTo(3);
        assertThat(plan.getString("data.mealPlan[0].walkInAverage")).isNull();
        assertThat(plan.getInt("data.mealPlan[0].suggestedPortions")).isZero();
        assertThat(plan.getString("data.mealPlan[0].plannedPortions")).isNull();
        // breakfast closes at 20:00 the day before, Beijing time
        assertThat(plan.getString("data.mealPlan[0].registrationClosesAt")).isEqualTo(coming.minusDays(1) + "T20:00:00+08:00");
        assertThat(plan.getString("data.mealPlan[1].registrationClosesAt")).isEqualTo(coming + "T10:00:00+08:00");
    }
}
