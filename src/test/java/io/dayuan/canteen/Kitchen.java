package io.dayuan.canteen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.Demo;
import io.dayuan.GraphQL;
import io.dayuan.GraphQL.As;
import io.restassured.path.json.JsonPath;

/** Sets up canteen test data through the API: a fresh canteen per test, its dishes and menus. */
@ApplicationScoped
public class Kitchen {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    GraphQL graphQL;

    public As manager() {
        return graphQL.as("canteen-manager");
    }

    public As staff() {
        return graphQL.as("staff");
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** A new canteen of the demo site. */
    public String canteen() {
        JsonPath created = graphQL.call(graphQL.as("admin"),
                "mutation($i: NewCanteenInput!) { createCanteen(input: $i) { id } }",
                Map.of("i", Map.of("siteId", Demo.DEMO_SITE, "name", "测试食堂 " + UUID.randomUUID())));
        String id = created.getString("data.createCanteen.id");
        assertThat(id).as(created.prettify()).isNotNull();
        return id;
    }

    public String dish(String canteenId, String name, String... allergens) {
        JsonPath created = graphQL.call(manager(), "mutation($i: NewDishInput!) { createDish(input: $i) { id } }",
                Map.of("i", Map.of("canteenId", canteenId, "name", name, "allergens", List.of(allergens), "priceCents", 800)));
        String id = created.getString("data.createDish.id");
        assertThat(id).as(created.prettify()).isNotNull();
        return id;
    }

    public List<String> dishes(String canteenId, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(dish(canteenId, "菜 " + i));
        }
        return ids;
    }

    public JsonPath saveMenu(As as, String canteenId, LocalDate date, String meal, List<String> dishIds, String note) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < dishIds.size(); i++) {
            items.add(Map.of("dishId", dishIds.get(i), "plannedPortions", 10 * (i + 1)));
        }
        Map<String, Object> input = new java.util.HashMap<>(Map.of("canteenId", canteenId, "date", date.toString(),
                "meal", meal, "items", items));
        if (note != null) {
            input.put("note", note);
        }
        return graphQL.call(as, "mutation($i: SaveMenuInput!) { saveMenu(input: $i) { id status revision "
                + "correctedAt correctionNote previousDishNames items { plannedPortions dish { id name } } } }",
                Map.of("i", input));
    }

    public String menu(String canteenId, LocalDate date, String meal, List<String> dishIds) {
        JsonPath saved = saveMenu(manager(), canteenId, date, meal, dishIds, null);
        String id = saved.getString("data.saveMenu.id");
        assertThat(id).as(saved.prettify()).isNotNull();
        return id;
    }

    public String publishedMenu(String canteenId, LocalDate date, String meal, List<String> dishIds) {
        String id = menu(canteenId, date, meal, dishIds);
        JsonPath published = graphQL.call(manager(), "mutation($id: ID!) { publishMenu(id: $id) { status } }",
                Map.of("id", id));
        assertThat(published.getString("data.publishMenu.status")).as(published.prettify()).isEqualTo("PUBLISHED");
        return id;
    }
}
