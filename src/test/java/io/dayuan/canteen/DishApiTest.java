package io.dayuan.canteen;

import static io.dayuan.GraphQL.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dayuan.Demo;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class DishApiTest extends CanteenTestBase {

    private static final String CREATE = "mutation($i: NewDishInput!) { createDish(input: $i) { id name category "
            + "allergens tags staffPriceCents guestPriceCents priceCents photoUrl averageRating ratingCount } }";
    private static final String UPDATE = "mutation($i: UpdateDishInput!) { updateDish(input: $i) { id name category "
            + "allergens tags staffPriceCents guestPriceCents photoUrl } }";
    private static final String LIST = "query($c: ID!) { dishes(canteenId: $c) { name category allergens } }";

    private static Map<String, Object> dish(String canteenId, String name) {
        Map<String, Object> input = new HashMap<>();
        input.put("canteenId", canteenId);
        input.put("name", name);
        input.put("category", "MEAT");
        input.put("allergens", List.of("SOY", "GLUTEN", "SOY"));
        input.put("tags", List.of("SPICY"));
        input.put("priceCents", 1200);
        input.put("guestPriceCents", 1800);
        input.put("photoUrl", "https://img.example.cn/mapo.jpg");
        return input;
    }

    @Test
    void managerBuildsTheLibraryThatEveryoneReads() {
        String canteen = kitchen.canteen();
        JsonPath created = graphQL.call(kitchen.manager(), CREATE, Map.of("i", dish(canteen, "麻婆豆腐")));
        assertThat(created.getString("data.createDish.category")).as(created.prettify()).isEqualTo("MEAT");
        assertThat(created.getList("data.createDish.allergens")).containsExactly("SOY", "GLUTEN");
        assertThat(created.getList("data.createDish.tags")).containsExactly("SPICY");
        assertThat(created.getInt("data.createDish.staffPriceCents")).isEqualTo(1200);
        assertThat(created.getInt("data.createDish.priceCents")).isEqualTo(1200);
        assertThat(created.getInt("data.createDish.guestPriceCents")).isEqualTo(1800);
        assertThat(created.getString("data.createDish.averageRating")).isNull();
        assertThat(created.getInt("data.createDish.ratingCount")).isZero();
        String id = created.getString("data.createDish.id");
        assertThat(database.count("select count(*) from dish where id = $1::uuid and canteen_id = $2::uuid "
                + "and allergens = '{SOY,GLUTEN}' and guest_price_cents = 1800", id, canteen)).isEqualTo(1);

        // contract's minimal input: the guest price defaults to the staff price
        JsonPath minimal = graphQL.call(graphQL.as("admin"), "mutation($i: NewDishInput!) { createDish(input: $i) "
                + "{ category allergens guestPriceCents } }", Map.of("i", Map.of("canteenId", canteen, "name", "米饭", "priceCents", 50)));
        assertThat(minimal.getInt("data.createDish.guestPriceCents")).as(minimal.prettify()).isEqualTo(50);
        assertThat(minimal.getList("data.createDish.allergens")).isEmpty();

        JsonPath updated = graphQL.call(kitchen.manager(), UPDATE, Map.of("i", Map.of("id", id, "name", "麻婆豆腐（微辣）",
                "allergens", List.of("SOY"), "guestPriceCents", 2000)));
        assertThat(updated.getString("data.updateDish.name")).as(updated.prettify()).isEqualTo("麻婆豆腐（微辣）");
        assertThat(updated.getList("data.updateDish.allergens")).containsExactly("SOY");
        assertThat(updated.getInt("data.updateDish.guestPriceCents")).isEqualTo(2000);
        assertThat(updated.getInt("data.updateDish.staffPriceCents")).isEqualTo(1200);
        assertThat(updated.getList("data.updateDish.tags")).containsExactly("SPICY");

        JsonPath listed = graphQL.call(kitchen.staff(), LIST, Map.of("c", canteen));
        assertThat(listed.getList("data.dishes.name")).containsExactly("麻婆豆腐（微辣）", "米饭");
    }

    @Test
    void badDishesAreRefusedNamingTheField() {
        String canteen = kitchen.canteen();
        Map<String, Object> blank = dish(canteen, " ");
        JsonPath answer = graphQL.call(kitchen.manager(), CREATE, Map.of("i", blank));
        assertThat(errorCode(answer)).isEqualTo("VALIDATION");
        assertThat(answer.getString("errors[0].extensions.field")).isEqualTo("name");

        Map<String, Object> negative = dish(canteen, "负价");
        negative.put("priceCents", -1);
        answer = graphQL.call(kitchen.manager(), CREATE, Map.of("i", negative));
        assertThat(errorCode(answer)).isEqualTo("VALIDATION");
        assertThat(answer.getString("errors[0].extensions.field")).isEqualTo("priceCents");

        Map<String, Object> photo = dish(canteen, "坏图");
        photo.put("photoUrl", "javascript:alert(1)");
        answer = graphQL.call(kitchen.manager(), CREATE, Map.of("i", photo));
        assertThat(answer.getString("errors[0].extensions.field")).isEqualTo("photoUrl");

        Map<String, Object> allergen = dish(canteen, "坏过敏原");
        allergen.put("allergens", List.of("PINEAPPLE"));
        assertThat(errorCode(graphQL.call(kitchen.manager(), CREATE, Map.of("i", allergen)))).isEqualTo("VALIDATION");

        assertThat(errorCode(graphQL.call(kitchen.manager(), CREATE, Map.of("i", dish(Demo.UNKNOWN, "无处")))))
                .isEqualTo("NOT_FOUND");
        assertThat(errorCode(graphQL.call(kitchen.manager(), CREATE, Map.of("i", dish(canteen, "重名"))))).isNull();
        assertThat(errorCode(graphQL.call(kitchen.manager(), CREATE, Map.of("i", dish(canteen, "重名")))))
                .isEqualTo("CONFLICT");
        assertThat(database.count("select count(*) from dish where canteen_id = $1::uuid", canteen)).isEqualTo(1);

        answer = graphQL.call(kitchen.manager(), UPDATE, Map.of("i", Map.of("id", Demo.UNKNOWN, "name", "x")));
        assertThat(errorCode(answer)).isEqualTo("NOT_FOUND");
        answer = graphQL.call(kitchen.manager(), UPDATE, Map.of("i", Map.of("id", "not-a-uuid")));
        assertThat(errorCode(answer)).isEqualTo("VALIDATION");
        assertThat(answer.getString("errors[0].extensions.field")).isEqualTo("id");
        assertThat(errorCode(graphQL.call(kitchen.staff(), LIST, Map.of("c", Demo.UNKNOWN)))).isEqualTo("NOT_FOUND");
    }

    @Test
    void onlyCanteenManagersAndAdminsWriteDishes() {
        String canteen = kitchen.canteen();
        String id = kitchen.dish(canteen, "红烧肉");
        assertThat(errorCode(graphQL.call(kitchen.staff(), CREATE, Map.of("i", dish(canteen, "员工菜"))))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.as("guard"), UPDATE, Map.of("i", Map.of("id", id, "name", "x")))))
                .isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), CREATE, Map.of("i", dish(canteen, "匿名菜")))))
                .isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), LIST, Map.of("c", canteen)))).isEqualTo("UNAUTHENTICATED");
        assertThat(database.count("select count(*) from dish where canteen_id = $1::uuid", canteen)).isEqualTo(1);
    }
}
