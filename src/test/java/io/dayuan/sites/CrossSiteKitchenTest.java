package io.dayuan.sites;

import static io.dayuan.sites.TwoSites.answered;
import static io.dayuan.sites.TwoSites.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.GraphQL.As;
import io.dayuan.GraphQLSocket;
import io.dayuan.canteen.Kitchen;
import io.dayuan.sites.TwoSites.Member;
import io.dayuan.sites.TwoSites.Sites;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;

/**
 * Sites as tenants in the canteen, for everything named by a canteen's, dish's, menu's, menu item's, suggestion's
 * or leftover offer's id: a canteen manager or staff member of site A gets NOT_FOUND for site B's (and changes
 * nothing there); the same calls at site A are answered; a staff member's own registration stays theirs.
 */
@QuarkusTest
class CrossSiteKitchenTest extends SiteTestBase {

    private static final String UPDATE_DISH = "mutation($d: ID!) { updateDish(input: {id: $d, name: \"改名\"}) { id } }";
    private static final String RATINGS = "query($d: ID!) { dishRatings(dishId: $d) { id } }";
    private static final String PUBLISH = "mutation($m: ID!) { publishMenu(id: $m) { id status } }";
    private static final String MENU = "query($m: ID!) { menu(id: $m) { id items { id } } }";
    private static final String CUTOFFS = "query($c: ID!) { mealCutoffs(canteenId: $c) { meal } }";
    private static final String SET_CUTOFF = "mutation($c: ID!) { setMealCutoff(canteenId: $c, meal: DINNER, "
            + "daysBefore: 2, at: \"09:00\") { meal } }";
    private static final String PLAN = "query($c: ID!, $d: Date!) { mealPlan(canteenId: $c, from: $d, to: $d) { meal } }";
    private static final String COVERS = "mutation($c: ID!, $d: Date!) { recordCovers(canteenId: $c, date: $d, "
            + "meal: LUNCH, covers: 80) }";
    private static final String REPORT = "query($c: ID!, $d: Date!) { canteenReport(canteenId: $c, from: $d, to: $d) "
            + "{ covers } }";
    private static final String SUGGESTIONS = "query($c: ID!) { suggestions(canteenId: $c) { id text } }";
    private static final String SUGGEST = "mutation($c: ID!) { submitSuggestion(canteenId: $c, text: \"多放辣\") { id } }";
    private static final String ANSWER = "mutation($s: ID!) { answerSuggestion(id: $s, answer: \"好的\") { id } }";
    private static final String OFFER = "mutation($i: OfferLeftoversInput!) { offerLeftovers(input: $i) { id } }";
    private static final String OPEN_OFFERS = "query($c: ID!) { openLeftoverOffers(canteenId: $c) { id } }";
    private static final String CLAIMS = "query($o: ID!) { leftoverClaims(offerId: $o) { id pickupCode } }";
    private static final String CLAIM = "mutation($o: ID!) { claimLeftovers(offerId: $o) { id pickupCode } }";
    private static final String REGISTER = "mutation($c: ID!, $d: Date!) { registerMeal(canteenId: $c, date: $d, "
            + "meal: LUNCH) { id } }";
    private static final String CANCEL = "mutation($c: ID!, $d: Date!) { cancelMealRegistration(canteenId: $c, "
            + "date: $d, meal: LUNCH) }";
    private static final String RATE = "mutation($i: ID!) { rateDish(menuItemId: $i, stars: 4) { id } }";

    @Inject
    Kitchen kitchen;

    /** Site A and B, a canteen of each with one dish and today's published lunch of it. */
    private record Kitchens(Sites sites, Side a, Side b) {
    }

    private record Side(String canteen, String dish, String menu) {
    }

    private Kitchens kitchens() {
        Sites sites = twoSites.create();
        return new Kitchens(sites, side(sites.a()), side(sites.b()));
    }

    private Side side(String site) {
        String canteen = graphQL.call(twoSites.globalAdmin(),
                "mutation($s: ID!, $n: String!) { createCanteen(input: {siteId: $s, name: $n}) { id } }",
                Map.of("s", site, "n", "食堂 " + UUID.randomUUID())).getString("data.createCanteen.id");
        String dish = kitchen.dish(canteen, "红烧肉");
        return new Side(canteen, dish, kitchen.publishedMenu(canteen, Kitchen.today(), "LUNCH", List.of(dish)));
    }

    /** NOT_FOUND with site B's variables, answered with site A's. */
    private JsonPath onlyAtA(As who, String query, Map<String, Object> atA, Map<String, Object> atB) {
        refused(graphQL.call(who, query, atB), "NOT_FOUND");
        JsonPath answer = graphQL.call(who, query, atA);
        answered(answer);
        return answer;
    }

    private long count(String sql, String id) {
        return database.count(sql, UUID.fromString(id));
    }

    @Test
    void aCanteenManagerOfSiteAManagesOnlySiteAsDishesMenusAndFigures() {
        Kitchens k = kitchens();
        As manager = twoSites.member(List.of(k.sites().a()), "canteen-manager").as();
        String today = Kitchen.today().toString();

        onlyAtA(manager, UPDATE_DISH, Map.of("d", k.a().dish()), Map.of("d", k.b().dish()));
        assertThat(count("SELECT count(*) FROM dish WHERE id = $1 AND name = '改名'", k.b().dish())).isZero();
        onlyAtA(manager, RATINGS, Map.of("d", k.a().dish()), Map.of("d", k.b().dish()));
        onlyAtA(manager, MENU, Map.of("m", k.a().menu()), Map.of("m", k.b().menu()));

        String draftA = kitchen.menu(k.a().canteen(), Kitchen.today().plusDays(1), "DINNER", List.of(k.a().dish()));
        String draftB = kitchen.menu(k.b().canteen(), Kitchen.today().plusDays(1), "DINNER", List.of(k.b().dish()));
        onlyAtA(manager, PUBLISH, Map.of("m", draftA), Map.of("m", draftB));
        assertThat(count("SELECT count(*) FROM menu WHERE id = $1 AND status = 'DRAFT'", draftB)).isOne();

        onlyAtA(manager, CUTOFFS, Map.of("c", k.a().canteen()), Map.of("c", k.b().canteen()));
        onlyAtA(manager, SET_CUTOFF, Map.of("c", k.a().canteen()), Map.of("c", k.b().canteen()));
        assertThat(count("SELECT count(*) FROM meal_cutoff WHERE canteen_id = $1", k.b().canteen())).isZero();
        onlyAtA(manager, PLAN, Map.of("c", k.a().canteen(), "d", today), Map.of("c", k.b().canteen(), "d", today));
        onlyAtA(manager, COVERS, Map.of("c", k.a().canteen(), "d", today), Map.of("c", k.b().canteen(), "d", today));
        assertThat(count("SELECT count(*) FROM meal_covers WHERE canteen_id = $1", k.b().canteen())).isZero();
        assertThat(onlyAtA(manager, REPORT, Map.of("c", k.a().canteen(), "d", today),
                Map.of("c", k.b().canteen(), "d", today)).getInt("data.canteenReport.covers")).isEqualTo(80);
    }

    @Test
    void aCanteenManagerOfSiteAAnswersSuggestionsAndOffersLeftoversOnlyThere() {
        Kitchens k = kitchens();
        As manager = twoSites.member(List.of(k.sites().a()), "canteen-manager").as();
        String suggestionB = graphQL.call(twoSites.member(List.of(k.sites().b()), "staff").as(), SUGGEST,
                Map.of("c", k.b().canteen())).getString("data.submitSuggestion.id");
        String suggestionA = graphQL.call(twoSites.member(List.of(k.sites().a()), "staff").as(), SUGGEST,
                Map.of("c", k.a().canteen())).getString("data.submitSuggestion.id");

        onlyAtA(manager, SUGGESTIONS, Map.of("c", k.a().canteen()), Map.of("c", k.b().canteen()));
        onlyAtA(manager, ANSWER, Map.of("s", suggestionA), Map.of("s", suggestionB));
        assertThat(count("SELECT count(*) FROM suggestion WHERE id = $1 AND answer IS NULL", suggestionB)).isOne();

        onlyAtA(manager, OFFER, Map.of("i", offer(k.a())), Map.of("i", offer(k.b())));
        assertThat(count("SELECT count(*) FROM leftover_offer WHERE canteen_id = $1", k.b().canteen())).isZero();
        String offerB = graphQL.call(kitchen.manager(), OFFER, Map.of("i", offer(k.b())))
                .getString("data.offerLeftovers.id");
        String offerA = graphQL.call(kitchen.manager(), OFFER, Map.of("i", offer(k.a())))
                .getString("data.offerLeftovers.id");
        onlyAtA(manager, CLAIMS, Map.of("o", offerA), Map.of("o", offerB));
        onlyAtA(manager, OPEN_OFFERS, Map.of("c", k.a().canteen()), Map.of("c", k.b().canteen()));
    }

    private static Map<String, Object> offer(Side side) {
        Map<String, Object> input = new HashMap<>();
        input.put("canteenId", side.canteen());
        input.put("dishId", side.dish());
        input.put("date", Kitchen.today().toString());
        input.put("meal", "LUNCH");
        input.put("portions", 5);
        input.put("priceCents", 0);
        input.put("availableUntil", OffsetDateTime.now().plusHours(2).toString());
        return input;
    }

    @Test
    void staffOfSiteAEatRateSuggestAndClaimOnlyAtSiteAsCanteens() {
        Kitchens k = kitchens();
        As staff = twoSites.member(List.of(k.sites().a()), "staff").as();
        String day = Kitchen.today().plusDays(3).toString();

        onlyAtA(staff, REGISTER, Map.of("c", k.a().canteen(), "d", day), Map.of("c", k.b().canteen(), "d", day));
        assertThat(count("SELECT count(*) FROM meal_registration WHERE canteen_id = $1", k.b().canteen())).isZero();
        onlyAtA(staff, MENU, Map.of("m", k.a().menu()), Map.of("m", k.b().menu()));
        onlyAtA(staff, RATE, Map.of("i", item(k.a().menu())), Map.of("i", item(k.b().menu())));
        assertThat(count("SELECT count(*) FROM dish_rating WHERE dish_id = $1", k.b().dish())).isZero();
        onlyAtA(staff, SUGGEST, Map.of("c", k.a().canteen()), Map.of("c", k.b().canteen()));
        assertThat(count("SELECT count(*) FROM suggestion WHERE canteen_id = $1", k.b().canteen())).isZero();
        onlyAtA(staff, SUGGESTIONS, Map.of("c", k.a().canteen()), Map.of("c", k.b().canteen()));

        String offerB = graphQL.call(kitchen.manager(), OFFER, Map.of("i", offer(k.b())))
                .getString("data.offerLeftovers.id");
        String offerA = graphQL.call(kitchen.manager(), OFFER, Map.of("i", offer(k.a())))
                .getString("data.offerLeftovers.id");
        onlyAtA(staff, OPEN_OFFERS, Map.of("c", k.a().canteen()), Map.of("c", k.b().canteen()));
        onlyAtA(staff, CLAIM, Map.of("o", offerA), Map.of("o", offerB));
        assertThat(count("SELECT count(*) FROM leftover_claim WHERE offer_id = $1", offerB)).isZero();
    }

    private String item(String menu) {
        return graphQL.call(twoSites.globalAdmin(), MENU, Map.of("m", menu)).getString("data.menu.items[0].id");
    }

    @Test
    void aStaffMembersOwnRegistrationStaysTheirsAfterTheyLeaveItsSite() {
        Kitchens k = kitchens();
        Member staff = twoSites.member(List.of(k.sites().a()), "staff");
        String day = Kitchen.today().plusDays(3).toString();
        answered(graphQL.call(staff.as(), REGISTER, Map.of("c", k.a().canteen(), "d", day)));
        answered(graphQL.call(twoSites.globalAdmin(), TwoSites.SET_SITES,
                Map.of("p", staff.id(), "s", List.of(k.sites().b()))));

        refused(graphQL.call(staff.as(), REGISTER, Map.of("c", k.a().canteen(), "d", day)), "NOT_FOUND");
        JsonPath mine = graphQL.call(staff.as(), "query($d: Date!) { myMealRegistrations(from: $d, to: $d) "
                + "{ canteenId } }", Map.of("d", day));
        assertThat(mine.getList("data.myMealRegistrations.canteenId")).containsExactly(k.a().canteen());
        assertThat(graphQL.call(staff.as(), CANCEL, Map.of("c", k.a().canteen(), "d", day))
                .getBoolean("data.cancelMealRegistration")).isTrue();
    }

    @Test
    void staffOfSiteAFollowOnlySiteAsMenusAndLeftovers() throws Exception {
        Kitchens k = kitchens();
        As staff = twoSites.member(List.of(k.sites().a()), "staff").as();
        try (GraphQLSocket menusB = feed(staff, "menuPublished", k.b().canteen());
                GraphQLSocket offersB = feed(staff, "leftoverOffers", k.b().canteen());
                GraphQLSocket feedA = feed(staff, "menuPublished", k.a().canteen())) {
            TwoSites.refusedFeed(menusB, "menuPublished", "NOT_FOUND");
            TwoSites.refusedFeed(offersB, "leftoverOffers", "NOT_FOUND");
            JsonObject heard = null;
            // the subscription starts asynchronously: publish until the feed hears one
            for (int day = 1; day < 10 && heard == null; day++) {
                kitchen.publishedMenu(k.a().canteen(), Kitchen.today().plusDays(day), "BREAKFAST",
                        List.of(k.a().dish()));
                heard = feedA.next(Duration.ofSeconds(2));
            }
            assertThat(heard).isNotNull();
            assertThat(heard.getJsonObject("payload").getJsonObject("data").getJsonObject("menuPublished")
                    .getString("canteenId")).isEqualTo(k.a().canteen());
        }
    }

    private GraphQLSocket feed(As who, String subscription, String canteen) throws Exception {
        return graphQL.open(who).subscribe("1", "subscription { " + subscription + "(canteenId: \"" + canteen
                + "\") { canteenId } }");
    }
}
