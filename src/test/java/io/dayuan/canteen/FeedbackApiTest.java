package io.dayuan.canteen;

import static io.dayuan.GraphQL.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dayuan.Demo;
import io.dayuan.GraphQL.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class FeedbackApiTest extends CanteenTestBase {

    private static final String RATE = "mutation($i: ID!, $s: Int!, $c: String) { rateDish(menuItemId: $i, stars: $s, comment: $c) "
            + "{ id menuItemId dishId stars comment updatedAt } }";
    private static final String SUGGEST = "mutation($c: ID!, $t: String!, $a: Boolean) { submitSuggestion(canteenId: $c, text: $t, "
            + "anonymous: $a) { id text anonymous answer createdAt } }";
    private static final String ANSWER = "mutation($id: ID!, $a: String!) { answerSuggestion(id: $id, answer: $a) { id answer answeredAt } }";
    private static final String SUGGESTIONS = "query($c: ID!) { suggestions(canteenId: $c) { id text anonymous answer } }";

    private List<String> itemsOf(String canteen, String menuId) {
        JsonPath menu = graphQL.call(kitchen.manager(), "query($id: ID!) { menu(id: $id) { items { id } } }", Map.of("id", menuId));
        return menu.getList("data.menu.items.id");
    }

    private JsonPath rate(As as, String item, int stars, String comment) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("i", item);
        variables.put("s", stars);
        variables.put("c", comment);
        return graphQL.call(as, RATE, variables);
    }

    @Test
    void staffRateServedDishesAndEachDishShowsItsAverage() {
        String canteen = kitchen.canteen();
        String noodles = kitchen.dish(canteen, "牛肉面");
        String salad = kitchen.dish(canteen, "凉拌黄瓜");
        String today = kitchen.publishedMenu(canteen, Kitchen.today(), "LUNCH", List.of(noodles, salad));
        String yesterday = kitchen.publishedMenu(canteen, Kitchen.today().minusDays(1), "LUNCH", List.of(noodles));
        List<String> items = itemsOf(canteen, today);
        As first = kitchen.staff();
        As second = kitchen.staff();

        JsonPath rated = rate(first, items.get(0), 2, "太咸");
        assertThat(rated.getInt("data.rateDish.stars")).as(rated.prettify()).isEqualTo(2);
        assertThat(rated.getString("data.rateDish.dishId")).isEqualTo(noodles);
        String ratingId = rated.getString("data.rateDish.id");
        JsonPath changed = rate(first, items.get(0), 4, " 好多了 ");
        assertThat(changed.getString("data.rateDish.id")).isEqualTo(ratingId);
        assertThat(changed.getString("data.rateDish.comment")).isEqualTo("好多了");
        rate(second, items.get(0), 5, null);
        rate(second, itemsOf(canteen, yesterday).get(0), 3, null);
        rate(second, items.get(1), 1, "不新鲜");
        assertThat(database.count("select count(*) from dish_rating where dish_id = $1::uuid", noodles)).isEqualTo(3);

        JsonPath dishes = graphQL.call(kitchen.staff(), "query($c: ID!) { dishes(canteenId: $c) { name averageRating ratingCount } }",
                Map.of("c", canteen));
        Map<String, Object> byName = new HashMap<>();
        List<Map<String, Object>> listed = dishes.getList("data.dishes");
        listed.forEach(dish -> byName.put((String) dish.get("name"), dish));
        assertThat(((Number) ((Map<?, ?>) byName.get("牛肉面")).get("averageRating")).doubleValue()).isEqualTo(4.0);
        assertThat(((Map<?, ?>) byName.get("牛肉面")).get("ratingCount")).isEqualTo(3);
        assertThat(((Number) ((Map<?, ?>) byName.get("凉拌黄瓜")).get("averageRating")).doubleValue()).isEqualTo(1.0);

        JsonPath comments = graphQL.call(kitchen.manager(), "query($d: ID!) { dishRatings(dishId: $d) { stars comment } }",
                Map.of("d", salad));
        assertThat(comments.getList("data.dishRatings.comment")).as(comments.prettify()).containsExactly("不新鲜");
    }

    @Test
    void onlyDishesAlreadyServedCanBeRatedWithOneToFiveStars() {
        String canteen = kitchen.canteen();
        String dish = kitchen.dish(canteen, "鱼香肉丝");
        String future = kitchen.publishedMenu(canteen, Kitchen.today().plusDays(2), "LUNCH", List.of(dish));
        String draft = kitchen.menu(canteen, Kitchen.today(), "DINNER", List.of(dish));
        String served = kitchen.publishedMenu(canteen, Kitchen.today(), "LUNCH", List.of(dish));
        JsonPath early = rate(kitchen.staff(), itemsOf(canteen, future).get(0), 4, null);
        assertThat(errorCode(early)).isEqualTo("VALIDATION");
        assertThat(early.getString("errors[0].extensions.field")).isEqualTo("menuItemId");
        assertThat(rate(kitchen.staff(), itemsOf(canteen, draft).get(0), 4, null).getString("errors[0].extensions.field"))
                .isEqualTo("menuItemId");
        String item = itemsOf(canteen, served).get(0);
        for (int stars : new int[] { 0, 6 }) {
            JsonPath bad = rate(kitchen.staff(), item, stars, null);
            assertThat(errorCode(bad)).isEqualTo("VALIDATION");
            assertThat(bad.getString("errors[0].extensions.field")).isEqualTo("stars");
        }
        assertThat(rate(kitchen.staff(), item, 3, "长".repeat(501)).getString("errors[0].extensions.field")).isEqualTo("comment");
        assertThat(errorCode(rate(kitchen.staff(), Demo.UNKNOWN, 3, null))).isEqualTo("NOT_FOUND");
        assertThat(database.count("select count(*) from dish_rating where dish_id = $1::uuid", dish)).isZero();

        assertThat(errorCode(rate(kitchen.manager(), item, 3, null))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(rate(graphQL.anonymous(), item, 3, null))).isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(graphQL.call(kitchen.staff(), "query($d: ID!) { dishRatings(dishId: $d) { stars } }",
                Map.of("d", dish)))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(kitchen.manager(), "query($d: ID!) { dishRatings(dishId: $d) { stars } }",
                Map.of("d", Demo.UNKNOWN)))).isEqualTo("NOT_FOUND");
        assertThat(database.count("select count(*) from dish_rating where dish_id = $1::uuid", dish)).isZero();
    }

    @Test
    void theSuggestionBoxKeepsAnonymousAuthorsUnknownAndTellsNamedOnesOfTheAnswer() {
        String canteen = kitchen.canteen();
        String subject = "suggester-" + UUID.randomUUID();
        As named = graphQL.person(subject, "提建议", null, null, "staff");
        As shy = kitchen.staff();

        JsonPath mine = graphQL.call(named, SUGGEST, Map.of("c", canteen, "t", "希望增加素食窗口"));
        String namedId = mine.getString("data.submitSuggestion.id");
        assertThat(mine.getBoolean("data.submitSuggestion.anonymous")).as(mine.prettify()).isFalse();
        JsonPath secret = graphQL.call(shy, SUGGEST, Map.of("c", canteen, "t", "汤太咸", "a", true));
        String anonymousId = secret.getString("data.submitSuggestion.id");
        assertThat(secret.getBoolean("data.submitSuggestion.anonymous")).isTrue();
        assertThat(database.count("select count(*) from suggestion where id = $1::uuid and person_id is null", anonymousId)).isEqualTo(1);

        assertThat(graphQL.call(named, SUGGESTIONS, Map.of("c", canteen)).getList("data.suggestions.id")).containsExactly(namedId);
        assertThat(graphQL.call(shy, SUGGESTIONS, Map.of("c", canteen)).getList("data.suggestions")).isEmpty();
        assertThat(graphQL.call(kitchen.manager(), SUGGESTIONS, Map.of("c", canteen)).getList("data.suggestions.id"))
                .containsExactlyInAnyOrder(namedId, anonymousId);

        JsonPath answered = graphQL.call(kitchen.manager(), ANSWER, Map.of("id", namedId, "a", "下周起二号窗口供应素食"));
        assertThat(answered.getString("data.answerSuggestion.answer")).as(answered.prettify()).isEqualTo("下周起二号窗口供应素食");
        assertThat(graphQL.call(named, SUGGESTIONS, Map.of("c", canteen)).getString("data.suggestions[0].answer"))
                .isEqualTo("下周起二号窗口供应素食");
        assertThat(database.count("select count(*) from notification n join person p on p.id = n.person_id where p.subject = $1 "
                + "and n.kind = 'CANTEEN_SUGGESTION_ANSWERED' and n.body = '下周起二号窗口供应素食'", subject)).isEqualTo(1);
        JsonPath anonymousAnswer = graphQL.call(kitchen.manager(), ANSWER, Map.of("id", anonymousId, "a", "已调整"));
        assertThat(anonymousAnswer.getString("data.answerSuggestion.answer")).isEqualTo("已调整");
        assertThat(database.count("select count(*) from notification where link like $1", "%/suggestions/" + anonymousId)).isZero();
    }

    @Test
    void badSuggestionsAndWrongRolesAreRefused() {
        String canteen = kitchen.canteen();
        JsonPath blank = graphQL.call(kitchen.staff(), SUGGEST, Map.of("c", canteen, "t", "  "));
        assertThat(errorCode(blank)).isEqualTo("VALIDATION");
        assertThat(blank.getString("errors[0].extensions.field")).isEqualTo("text");
        assertThat(errorCode(graphQL.call(kitchen.staff(), SUGGEST, Map.of("c", Demo.UNKNOWN, "t", "你好")))).isEqualTo("NOT_FOUND");
        assertThat(database.count("select count(*) from suggestion where canteen_id = $1::uuid", canteen)).isZero();
        String id = graphQL.call(kitchen.staff(), SUGGEST, Map.of("c", canteen, "t", "多些水果")).getString("data.submitSuggestion.id");
        JsonPath emptyAnswer = graphQL.call(kitchen.manager(), ANSWER, Map.of("id", id, "a", ""));
        assertThat(emptyAnswer.getString("errors[0].extensions.field")).isEqualTo("answer");
        assertThat(errorCode(graphQL.call(kitchen.manager(), ANSWER, Map.of("id", Demo.UNKNOWN, "a", "好")))).isEqualTo("NOT_FOUND");

        assertThat(errorCode(graphQL.call(kitchen.staff(), ANSWER, Map.of("id", id, "a", "我来答")))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(kitchen.manager(), SUGGEST, Map.of("c", canteen, "t", "经理建议")))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), SUGGEST, Map.of("c", canteen, "t", "匿名")))).isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), SUGGESTIONS, Map.of("c", canteen)))).isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(graphQL.call(kitchen.manager(), SUGGESTIONS, Map.of("c", Demo.UNKNOWN)))).isEqualTo("NOT_FOUND");
        assertThat(database.count("select count(*) from suggestion where canteen_id = $1::uuid and answer is null", canteen)).isEqualTo(1);
    }
}
