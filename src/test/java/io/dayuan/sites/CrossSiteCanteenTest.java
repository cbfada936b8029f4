package io.dayuan.sites;

import static io.dayuan.sites.TwoSites.answered;
import static io.dayuan.sites.TwoSites.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dayuan.GraphQL.As;
import io.dayuan.canteen.Kitchen;
import io.dayuan.sites.TwoSites.Sites;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Sites as tenants in the canteen: a canteen manager (or staff) of site A works only with site A's canteens; site
 * B's canteen is NOT_FOUND when named, site B itself FORBIDDEN, and B's canteens are left out of lists.
 */
@QuarkusTest
class CrossSiteCanteenTest extends SiteTestBase {

    private static final String CANTEENS = "query($s: ID) { canteens(siteId: $s) { id } }";
    private static final String CREATE = "mutation($s: ID!) { createCanteen(input: {siteId: $s, name: \"二食堂\"}) "
            + "{ id } }";
    private static final String DISHES = "query($c: ID!) { dishes(canteenId: $c) { id } }";
    private static final String CREATE_DISH = "mutation($c: ID!) { createDish(input: {canteenId: $c, name: \"青菜\", "
            + "priceCents: 500}) { id } }";
    private static final String MENUS = "query($c: ID!, $d: Date!) { menus(canteenId: $c, from: $d, to: $d) { id } }";
    private static final String WASTE = "mutation($c: ID!, $d: Date!) { recordWaste(input: {canteenId: $c, date: $d, "
            + "meal: LUNCH, stage: PLATE, weightGrams: 300}) { id } }";
    private static final String REPORT = "query($c: ID!, $d: Date!) { wasteReport(canteenId: $c, from: $d, to: $d) "
            + "{ totalGrams } }";

    private record Canteens(Sites sites, String a, String b) {
    }

    private Canteens canteens() {
        Sites sites = twoSites.create();
        return new Canteens(sites, canteen(sites.a()), canteen(sites.b()));
    }

    private String canteen(String site) {
        JsonPath created = graphQL.call(twoSites.globalAdmin(),
                "mutation($s: ID!, $n: String!) { createCanteen(input: {siteId: $s, name: $n}) { id } }",
                Map.of("s", site, "n", "食堂 " + UUID.randomUUID()));
        assertThat(created.getList("errors")).as(created.prettify()).isNull();
        return created.getString("data.createCanteen.id");
    }

    private long rows(String table, String canteen) {
        return database.count("SELECT count(*) FROM " + table + " WHERE canteen_id = $1", UUID.fromString(canteen));
    }

    @Test
    void aCanteenManagerOfSiteAWorksOnlyInSiteAsKitchen() {
        Canteens canteens = canteens();
        As manager = twoSites.member(List.of(canteens.sites().a()), "canteen-manager").as();
        String today = Kitchen.today().toString();

        refused(graphQL.call(manager, CREATE_DISH, Map.of("c", canteens.b())), "NOT_FOUND");
        assertThat(rows("dish", canteens.b())).isZero();
        assertThat(rows("menu", canteens.b())).isZero();
        answered(graphQL.call(manager, CREATE_DISH, Map.of("c", canteens.a())));

        refused(graphQL.call(manager, DISHES, Map.of("c", canteens.b())), "NOT_FOUND");
        assertThat(graphQL.call(manager, DISHES, Map.of("c", canteens.a())).getList("data.dishes")).hasSize(1);

        String dishOfB = graphQL.call(twoSites.globalAdmin(), CREATE_DISH, Map.of("c", canteens.b()))
                .getString("data.createDish.id");
        refused(graphQL.call(manager, "mutation($i: SaveMenuInput!) { saveMenu(input: $i) { id } }",
                Map.of("i", Map.of("canteenId", canteens.b(), "date", today, "meal", "LUNCH", "items",
                        List.of(Map.of("dishId", dishOfB, "plannedPortions", 10))))), "NOT_FOUND");
        assertThat(rows("menu", canteens.b())).isZero();
        refused(graphQL.call(manager, MENUS, Map.of("c", canteens.b(), "d", today)), "NOT_FOUND");
        answered(graphQL.call(manager, MENUS, Map.of("c", canteens.a(), "d", today)));

        refused(graphQL.call(manager, WASTE, Map.of("c", canteens.b(), "d", today)), "NOT_FOUND");
        assertThat(rows("waste_record", canteens.b())).isZero();
        answered(graphQL.call(manager, WASTE, Map.of("c", canteens.a(), "d", today)));
        refused(graphQL.call(manager, REPORT, Map.of("c", canteens.b(), "d", today)), "NOT_FOUND");
        assertThat(graphQL.call(manager, REPORT, Map.of("c", canteens.a(), "d", today))
                .getInt("data.wasteReport.totalGrams")).isEqualTo(300);
    }

    @Test
    void staffOfSiteAListOnlySiteAsCanteens() {
        Canteens canteens = canteens();
        As staff = twoSites.member(List.of(canteens.sites().a()), "staff").as();
        assertThat(graphQL.call(staff, CANTEENS, Map.of()).getList("data.canteens.id"))
                .contains(canteens.a()).doesNotContain(canteens.b());
        refused(graphQL.call(staff, CANTEENS, Map.of("s", canteens.sites().b())), "FORBIDDEN");
        assertThat(graphQL.call(staff, CANTEENS, Map.of("s", canteens.sites().a())).getList("data.canteens.id"))
                .containsExactly(canteens.a());
    }

    @Test
    void anAdministratorOfSiteAAddsCanteensOnlyThere() {
        Sites sites = twoSites.create();
        As admin = twoSites.member(List.of(sites.a()), "admin").as();
        refused(graphQL.call(admin, CREATE, Map.of("s", sites.b())), "FORBIDDEN");
        assertThat(database.count("SELECT count(*) FROM canteen WHERE site_id = $1", UUID.fromString(sites.b())))
                .isZero();
        answered(graphQL.call(admin, CREATE, Map.of("s", sites.a())));
    }
}
