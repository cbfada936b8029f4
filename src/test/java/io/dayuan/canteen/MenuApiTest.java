package io.dayuan.canteen;

import static io.dayuan.GraphQL.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dayuan.Demo;
import io.dayuan.GraphQL.As;
import io.dayuan.GraphQLSocket;
import io.dayuan.SqlStatements;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;

@QuarkusTest
class MenuApiTest extends CanteenTestBase {

    private static final String MENUS = "query($c: ID!, $f: Date!, $t: Date!) { menus(canteenId: $c, from: $f, to: $t) "
            + "{ id date meal status revision corrected correctionNote previousDishNames "
            + "items { plannedPortions dish { id name allergens } } } }";
    private static final String PUBLISH = "mutation($id: ID!) { publishMenu(id: $id) { id status revision publishedAt } }";

    private JsonPath menus(As as, String canteen, LocalDate from, LocalDate to) {
        return graphQL.call(as, MENUS, Map.of("c", canteen, "f", from.toString(), "t", to.toString()));
    }

    @Test
    void savingTheSameMenuTwiceKeepsItAsItIs() {
        String canteen = kitchen.canteen();
        String rice = kitchen.dish(canteen, "米饭");
        LocalDate day = Kitchen.today().plusDays(4);
        String id = kitchen.saveMenu(kitchen.manager(), canteen, day, "LUNCH", List.of(rice), null)
                .getString("data.saveMenu.id");
        JsonPath again = kitchen.saveMenu(kitchen.manager(), canteen, day, "LUNCH", List.of(rice), null);
        assertThat(again.getList("errors")).as(again.prettify()).isNull();
        assertThat(again.getString("data.saveMenu.id")).isEqualTo(id);
        assertThat(again.getList("data.saveMenu.items.dish.name")).containsExactly("米饭");
    }

    @Test
    void aDraftIsReplacedSeenByManagersOnlyAndPublishedToEveryStaffMember() {
        String canteen = kitchen.canteen();
        String rice = kitchen.dish(canteen, "米饭", "GLUTEN");
        String pork = kitchen.dish(canteen, "红烧肉", "SOY");
        String greens = kitchen.dish(canteen, "炒青菜");
        LocalDate day = Kitchen.today().plusDays(3);
        String subject = "menu-reader-" + UUID.randomUUID();
        As reader = graphQL.person(subject, "读菜单", null, null, "staff");
        String englishSubject = "menu-reader-en-" + UUID.randomUUID();
        As englishReader = graphQL.person(englishSubject, "Reader", null, "en", "staff");
        graphQL.call(reader, "{ me { id } }");
        graphQL.call(englishReader, "{ me { id } }");

        JsonPath first = kitchen.saveMenu(kitchen.manager(), canteen, day, "LUNCH", List.of(rice, pork), null);
        String id = first.getString("data.saveMenu.id");
        assertThat(first.getString("data.saveMenu.status")).as(first.prettify()).isEqualTo("DRAFT");
        JsonPath again = kitchen.saveMenu(kitchen.manager(), canteen, day, "LUNCH", List.of(greens, rice), null);
        assertThat(again.getString("data.saveMenu.id")).isEqualTo(id);
        assertThat(again.getList("data.saveMenu.items.dish.name")).containsExactly("炒青菜", "米饭");
        assertThat(again.getList("data.saveMenu.items.plannedPortions")).containsExactly(10, 20);
        assertThat(database.count("select count(*) from menu where canteen_id = $1::uuid", canteen)).isEqualTo(1);
        assertThat(database.count("select count(*) from menu_item where menu_id = $1::uuid", id)).isEqualTo(2);

        assertThat(menus(reader, canteen, day, day).getList("data.menus")).isEmpty();
        assertThat(errorCode(menus(reader, Demo.UNKNOWN, day, day))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(graphQL.call(reader, "query($id: ID!) { menu(id: $id) { id } }", Map.of("id", id))))
                .isEqualTo("NOT_FOUND");
        JsonPath managerView = menus(kitchen.manager(), canteen, day, day);
        assertThat(managerView.getList("data.menus.status")).containsExactly("DRAFT");
        assertThat(database.count("select count(*) from notification where link = $1", "dayuan://menus/" + id)).isZero();

        JsonPath published = graphQL.call(kitchen.manager(), PUBLISH, Map.of("id", id));
        assertThat(published.getString("data.publishMenu.status")).as(published.prettify()).isEqualTo("PUBLISHED");
        assertThat(published.getInt("data.publishMenu.revision")).isEqualTo(1);
        assertThat(published.getString("data.publishMenu.publishedAt")).isNotNull();

        JsonPath staffView = menus(reader, canteen, day.minusDays(1), day.plusDays(1));
        assertThat(staffView.getList("data.menus.id")).containsExactly(id);
        assertThat(staffView.getString("data.menus[0].date")).isEqualTo(day.toString());
        assertThat(staffView.getString("data.menus[0].meal")).isEqualTo("LUNCH");
        assertThat(staffView.getList("data.menus[0].items.dish.name")).containsExactly("炒青菜", "米饭");
        assertThat(staffView.getList("data.menus[0].items[1].dish.allergens")).containsExactly("GLUTEN");
        assertThat(staffView.getBoolean("data.menus[0].corrected")).isFalse();

        List<io.vertx.mutiny.sqlclient.Row> told = database.rows("select n.kind, n.title, n.link from notification n "
                + "join person p on p.id = n.person_id where p.subject = $1", subject);
        assertThat(told).hasSize(1);
        assertThat(told.get(0).getString("kind")).isEqualTo("MENU_PUBLISHED");
        assertThat(told.get(0).getString("title")).contains("午餐菜单已发布").contains(day.toString());
        assertThat(told.get(0).getString("link")).isEqualTo("dayuan://menus/" + id);
        assertThat(database.rows("select n.title from notification n join person p on p.id = n.person_id "
                + "where p.subject = $1", englishSubject).get(0).getString("title")).contains("lunch menu for " + day + " is out");
        assertThat(database.count("select count(*) from notification n join person p on p.id = n.person_id "
                + "where n.link = $1 and not ('staff' = any(p.roles))", "dayuan://menus/" + id)).isZero();

        assertThat(errorCode(graphQL.call(kitchen.manager(), PUBLISH, Map.of("id", id)))).isEqualTo("CONFLICT");
    }

    @Test
    void aPublishedMenuIsCorrectedVisiblyAndDinersAreToldAgain() {
        String canteen = kitchen.canteen();
        String fish = kitchen.dish(canteen, "清蒸鱼", "FISH");
        String tofu = kitchen.dish(canteen, "家常豆腐", "SOY");
        String soup = kitchen.dish(canteen, "紫菜蛋花汤", "EGGS");
        LocalDate day = Kitchen.today().plusDays(2);
        String subject = "correction-reader-" + UUID.randomUUID();
        As reader = graphQL.person(subject, "读更正", null, null, "staff");
        graphQL.call(reader, "{ me { id } }");
        String id = kitchen.publishedMenu(canteen, day, "DINNER", List.of(fish, soup));

        JsonPath corrected = kitchen.saveMenu(kitchen.manager(), canteen, day, "DINNER", List.of(tofu, soup), "鱼未到货");
        assertThat(corrected.getString("data.saveMenu.id")).as(corrected.prettify()).isEqualTo(id);
        assertThat(corrected.getString("data.saveMenu.status")).isEqualTo("PUBLISHED");
        assertThat(corrected.getInt("data.saveMenu.revision")).isEqualTo(2);
        assertThat(corrected.getString("data.saveMenu.correctedAt")).isNotNull();

        JsonPath seen = menus(reader, canteen, day, day);
        assertThat(seen.getBoolean("data.menus[0].corrected")).as(seen.prettify()).isTrue();
        assertThat(seen.getString("data.menus[0].correctionNote")).isEqualTo("鱼未到货");
        assertThat(seen.getList("data.menus[0].previousDishNames")).containsExactly("清蒸鱼", "紫菜蛋花汤");
        assertThat(seen.getList("data.menus[0].items.dish.name")).containsExactly("家常豆腐", "紫菜蛋花汤");
        assertThat(database.rows("select n.kind, n.body from notification n join person p on p.id = n.person_id "
                + "where p.subject = $1 order by n.created_at", subject)).extracting(row -> row.getString("kind"))
                .containsExactly("MENU_PUBLISHED", "MENU_CORRECTED");
        assertThat(database.count("select count(*) from notification n join person p on p.id = n.person_id "
                + "where p.subject = $1 and n.body like '%鱼未到货%'", subject)).isEqualTo(1);
    }

    @Test
    void badMenusAreRefusedAndLeaveNothingBehind() {
        String canteen = kitchen.canteen();
        String other = kitchen.canteen();
        String rice = kitchen.dish(canteen, "米饭");
        String foreign = kitchen.dish(other, "别处的菜");
        LocalDate day = Kitchen.today().plusDays(1);

        JsonPath empty = kitchen.saveMenu(kitchen.manager(), canteen, day, "LUNCH", List.of(), null);
        assertThat(errorCode(empty)).isEqualTo("VALIDATION");
        assertThat(empty.getString("errors[0].extensions.field")).isEqualTo("items");
        JsonPath twice = kitchen.saveMenu(kitchen.manager(), canteen, day, "LUNCH", List.of(rice, rice), null);
        assertThat(errorCode(twice)).isEqualTo("VALIDATION");
        assertThat(twice.getString("errors[0].extensions.field")).isEqualTo("items");
        JsonPath elsewhere = kitchen.saveMenu(kitchen.manager(), canteen, day, "LUNCH", List.of(rice, foreign), null);
        assertThat(errorCode(elsewhere)).isEqualTo("VALIDATION");
        assertThat(elsewhere.getString("errors[0].extensions.field")).isEqualTo("items");
        assertThat(errorCode(kitchen.saveMenu(kitchen.manager(), canteen, day, "LUNCH", List.of(rice, Demo.UNKNOWN), null)))
                .isEqualTo("NOT_FOUND");
        JsonPath badId = kitchen.saveMenu(kitchen.manager(), canteen, day, "LUNCH", List.of("nonsense"), null);
        assertThat(errorCode(badId)).isEqualTo("VALIDATION");
        assertThat(badId.getString("errors[0].extensions.field")).isEqualTo("items.dishId");
        JsonPath badMeal = kitchen.saveMenu(kitchen.manager(), canteen, day, "SUPPER", List.of(rice), null);
        assertThat(errorCode(badMeal)).isEqualTo("VALIDATION");
        JsonPath negative = graphQL.call(kitchen.manager(), "mutation($i: SaveMenuInput!) { saveMenu(input: $i) { id } }",
                Map.of("i", Map.of("canteenId", canteen, "date", day.toString(), "meal", "LUNCH",
                        "items", List.of(Map.of("dishId", rice, "plannedPortions", -5)))));
        assertThat(errorCode(negative)).isEqualTo("VALIDATION");
        assertThat(negative.getString("errors[0].extensions.field")).startsWith("items").endsWith("plannedPortions");
        assertThat(errorCode(kitchen.saveMenu(kitchen.manager(), Demo.UNKNOWN, day, "LUNCH", List.of(rice), null)))
                .isEqualTo("NOT_FOUND");
        assertThat(database.count("select count(*) from menu where canteen_id = $1::uuid", canteen)).isZero();

        assertThat(errorCode(graphQL.call(kitchen.manager(), PUBLISH, Map.of("id", Demo.UNKNOWN)))).isEqualTo("NOT_FOUND");
        JsonPath badPublish = graphQL.call(kitchen.manager(), PUBLISH, Map.of("id", "x"));
        assertThat(badPublish.getString("errors[0].extensions.field")).isEqualTo("id");
        JsonPath backwards = menus(kitchen.staff(), canteen, day, day.minusDays(1));
        assertThat(errorCode(backwards)).isEqualTo("VALIDATION");
        assertThat(backwards.getString("errors[0].extensions.field")).isEqualTo("to");
        assertThat(errorCode(menus(kitchen.staff(), canteen, day, day.plusDays(100)))).isEqualTo("VALIDATION");
        assertThat(errorCode(menus(kitchen.staff(), Demo.UNKNOWN, day, day))).isEqualTo("NOT_FOUND");
    }

    @Test
    void oneMenuIsReadByIdAndTheDemoCanteenHasTodaysLunch() {
        String one = "query($id: ID!) { menu(id: $id) { id status items { dish { name } } } }";
        JsonPath badId = graphQL.call(kitchen.staff(), one, Map.of("id", "menu-1"));
        assertThat(errorCode(badId)).isEqualTo("VALIDATION");
        assertThat(badId.getString("errors[0].extensions.field")).isEqualTo("id");
        assertThat(errorCode(graphQL.call(kitchen.staff(), one, Map.of("id", Demo.UNKNOWN)))).isEqualTo("NOT_FOUND");
        JsonPath demo = menus(kitchen.staff(), Demo.TOWN_HALL_CANTEEN, Kitchen.today(), Kitchen.today());
        String id = demo.getString("data.menus.find { it.meal == 'LUNCH' }.id");
        assertThat(id).as(demo.prettify()).isNotNull();
        JsonPath read = graphQL.call(kitchen.staff(), one, Map.of("id", id));
        assertThat(read.getList("data.menu.items.dish.name")).as(read.prettify()).contains("米饭", "红烧肉");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), one, Map.of("id", id)))).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void onlyCanteenManagersAndAdminsWriteMenus() {
        String canteen = kitchen.canteen();
        String rice = kitchen.dish(canteen, "米饭");
        LocalDate day = Kitchen.today().plusDays(1);
        assertThat(errorCode(kitchen.saveMenu(kitchen.staff(), canteen, day, "LUNCH", List.of(rice), null))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(kitchen.saveMenu(graphQL.anonymous(), canteen, day, "LUNCH", List.of(rice), null)))
                .isEqualTo("UNAUTHENTICATED");
        String id = kitchen.saveMenu(graphQL.as("admin"), canteen, day, "LUNCH", List.of(rice), null).getString("data.saveMenu.id");
        assertThat(id).isNotNull();
        assertThat(errorCode(graphQL.call(graphQL.as("guard"), PUBLISH, Map.of("id", id)))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(kitchen.staff(), PUBLISH, Map.of("id", id)))).isEqualTo("FORBIDDEN");
        assertThat(database.count("select count(*) from menu where id = $1::uuid and status = 'DRAFT'", id)).isEqualTo(1);
        assertThat(errorCode(menus(graphQL.anonymous(), canteen, day, day))).isEqualTo("UNAUTHENTICATED");
    }

    /** A week of menus with their dishes costs the same statements for 1 menu of 1 dish as for 21 menus of 8. */
    @Test
    void aWeekOfMenusCostsAFixedNumberOfStatements() {
        LocalDate monday = Kitchen.today().plusDays(20);
        String small = kitchen.canteen();
        kitchen.publishedMenu(small, monday, "LUNCH", List.of(kitchen.dish(small, "只有一道菜")));
        String big = kitchen.canteen();
        List<String> dishes = kitchen.dishes(big, 12);
        for (int day = 0; day < 7; day++) {
            for (String meal : List.of("BREAKFAST", "LUNCH", "DINNER")) {
                List<String> some = new ArrayList<>(dishes.subList((day + meal.length()) % 4, (day + meal.length()) % 4 + 8));
                kitchen.publishedMenu(big, monday.plusDays(day), meal, some);
            }
        }
        String query = "query($c: ID!, $f: Date!, $t: Date!) { menus(canteenId: $c, from: $f, to: $t) { id date meal "
                + "status items { plannedPortions dish { id name allergens averageRating } } } }";
        As staff = kitchen.staff();
        graphQL.call(staff, "{ me { id } }");

        JsonPath few;
        JsonPath many;
        List<String> fewStatements;
        List<String> manyStatements;
        try (SqlStatements statements = SqlStatements.record()) {
            few = graphQL.call(staff, query, Map.of("c", small, "f", monday.toString(), "t", monday.plusDays(6).toString()));
            fewStatements = statements.touching("canteen", "menu", "menu_item", "dish", "dish_rating");
        }
        try (SqlStatements statements = SqlStatements.record()) {
            many = graphQL.call(staff, query, Map.of("c", big, "f", monday.toString(), "t", monday.plusDays(6).toString()));
            manyStatements = statements.touching("canteen", "menu", "menu_item", "dish", "dish_rating");
        }
        assertThat(few.getList("data.menus")).as(few.prettify()).hasSize(1);
        assertThat(many.getList("data.menus")).as(many.prettify()).hasSize(21);
        assertThat(many.getList("data.menus.items.flatten()")).hasSize(21 * 8);
        // the canteen (its site, for the caller's site check), menus, items, dishes, ratings
        assertThat(fewStatements).hasSize(5);
        assertThat(manyStatements).hasSameSizeAs(fewStatements);
    }

    @Test
    void subscribersOfACanteenHearOfItsPublishedMenus() throws Exception {
        String canteen = kitchen.canteen();
        String rice = kitchen.dish(canteen, "米饭");
        As subscriber = graphQL.person("menu-subscriber-" + UUID.randomUUID(), "订阅者", null, null, "staff");
        try (GraphQLSocket socket = graphQL.open(subscriber).subscribe("1",
                "subscription { menuPublished(canteenId: \"" + canteen + "\") { menuId canteenId date meal revision corrected } }")) {
            List<String> published = new ArrayList<>();
            JsonObject heard = null;
            // the subscription starts asynchronously: publish menus until the first one is heard
            for (int attempt = 0; attempt < 10 && heard == null; attempt++) {
                published.add(kitchen.publishedMenu(canteen, Kitchen.today().plusDays(30 + attempt), "LUNCH", List.of(rice)));
                heard = socket.nextData(Duration.ofSeconds(2));
            }
            assertThat(heard).isNotNull();
            JsonObject event = heard.getJsonObject("menuPublished");
            assertThat(published).contains(event.getString("menuId"));
            assertThat(event.getString("canteenId")).isEqualTo(canteen);
            assertThat(event.getString("meal")).isEqualTo("LUNCH");
            assertThat(event.getInteger("revision")).isEqualTo(1);
            assertThat(event.getBoolean("corrected")).isFalse();

            // another canteen's menus are not heard
            String elsewhere = kitchen.canteen();
            kitchen.publishedMenu(elsewhere, Kitchen.today().plusDays(5), "LUNCH", List.of(kitchen.dish(elsewhere, "饭")));
            JsonObject next = socket.nextData(Duration.ofSeconds(1));
            if (next != null) {
                assertThat(next.getJsonObject("menuPublished").getString("canteenId")).isEqualTo(canteen);
            }
        }
    }
}
