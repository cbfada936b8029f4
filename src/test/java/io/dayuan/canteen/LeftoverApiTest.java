package io.dayuan.canteen;

import static io.dayuan.GraphQL.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.dayuan.Demo;
import io.dayuan.GraphQL.As;
import io.dayuan.GraphQLSocket;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;

@QuarkusTest
class LeftoverApiTest extends CanteenTestBase {

    private static final String OFFER = "mutation($i: OfferLeftoversInput!) { offerLeftovers(input: $i) { id date meal portions "
            + "claimed remainingPortions priceCents availableUntil open dish { id name } } }";
    private static final String CLAIM = "mutation($o: ID!, $n: Int) { claimLeftovers(offerId: $o, portions: $n) { id offerId "
            + "portions pickupCode createdAt } }";
    private static final String OPEN = "query($c: ID!) { openLeftoverOffers(canteenId: $c) { id remainingPortions dish { name } } }";

    static Map<String, Object> offer(String canteen, String dish, int portions, int price, OffsetDateTime until) {
        Map<String, Object> input = new HashMap<>();
        input.put("canteenId", canteen);
        input.put("dishId", dish);
        input.put("date", Kitchen.today().toString());
        input.put("meal", "LUNCH");
        input.put("portions", portions);
        input.put("priceCents", price);
        input.put("availableUntil", until.toString());
        return input;
    }

    String offered(String canteen, String dish, int portions) {
        JsonPath answer = graphQL.call(kitchen.manager(), OFFER,
                Map.of("i", offer(canteen, dish, portions, 0, OffsetDateTime.now().plusHours(2))));
        String id = answer.getString("data.offerLeftovers.id");
        assertThat(id).as(answer.prettify()).isNotNull();
        return id;
    }

    JsonPath claim(As as, String offer, Integer portions) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("o", offer);
        if (portions != null) {
            variables.put("n", portions);
        }
        return graphQL.call(as, CLAIM, variables);
    }

    @Test
    void staffClaimOfferedLeftoversWithAPickupCode() {
        String canteen = kitchen.canteen();
        String dish = kitchen.dish(canteen, "宫保鸡丁");
        JsonPath offered = graphQL.call(kitchen.manager(), OFFER,
                Map.of("i", offer(canteen, dish, 5, 300, OffsetDateTime.now().plusHours(2))));
        String id = offered.getString("data.offerLeftovers.id");
        assertThat(offered.getInt("data.offerLeftovers.remainingPortions")).as(offered.prettify()).isEqualTo(5);
        assertThat(offered.getBoolean("data.offerLeftovers.open")).isTrue();
        assertThat(offered.getString("data.offerLeftovers.dish.name")).isEqualTo("宫保鸡丁");
        assertThat(graphQL.call(kitchen.staff(), OPEN, Map.of("c", canteen)).getList("data.openLeftoverOffers.id")).containsExactly(id);

        As diner = kitchen.staff();
        JsonPath claimed = claim(diner, id, 2);
        assertThat(claimed.getInt("data.claimLeftovers.portions")).as(claimed.prettify()).isEqualTo(2);
        assertThat(claimed.getString("data.claimLeftovers.pickupCode")).matches("[A-Z0-9]{6}");
        assertThat(claim(diner, id, 1).getString("errors[0].extensions.code")).isEqualTo("CONFLICT");
        JsonPath one = claim(kitchen.staff(), id, null);
        assertThat(one.getInt("data.claimLeftovers.portions")).as(one.prettify()).isEqualTo(1);
        assertThat(graphQL.call(kitchen.staff(), OPEN, Map.of("c", canteen)).getInt("data.openLeftoverOffers[0].remainingPortions"))
                .isEqualTo(2);
        assertThat(database.count("select claimed from leftover_offer where id = $1::uuid", id)).isEqualTo(3);

        JsonPath mine = graphQL.call(diner, "{ myLeftoverClaims { offerId pickupCode } }");
        assertThat(mine.getList("data.myLeftoverClaims.offerId")).containsExactly(id);
        JsonPath claims = graphQL.call(kitchen.manager(), "query($o: ID!) { leftoverClaims(offerId: $o) { pickupCode portions } }",
                Map.of("o", id));
        assertThat(claims.getList("data.leftoverClaims.pickupCode")).as(claims.prettify())
                .contains(claimed.getString("data.claimLeftovers.pickupCode")).hasSize(2);
    }

    /** Claims racing for the last portions: exactly as many succeed as there are portions; the rest get CONFLICT. */
    @Test
    void concurrentClaimsNeverExceedThePortions() throws Exception {
        String canteen = kitchen.canteen();
        String offer = offered(canteen, kitchen.dish(canteen, "饺子"), 3);
        List<As> diners = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            As diner = kitchen.staff();
            graphQL.call(diner, "{ me { id } }");
            diners.add(diner);
        }
        ExecutorService pool = Executors.newFixedThreadPool(diners.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<JsonPath>> answers = new ArrayList<>();
            for (As diner : diners) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return claim(diner, offer, 1);
                }));
            }
            start.countDown();
            List<String> codes = new ArrayList<>();
            int conflicts = 0;
            for (Future<JsonPath> answer : answers) {
                JsonPath result = answer.get();
                if (result.getString("data.claimLeftovers.pickupCode") != null) {
                    codes.add(result.getString("data.claimLeftovers.pickupCode"));
                } else {
                    assertThat(errorCode(result)).as(result.prettify()).isEqualTo("CONFLICT");
                    conflicts++;
                }
            }
            assertThat(codes).hasSize(3).doesNotHaveDuplicates();
            assertThat(conflicts).isEqualTo(9);
        } finally {
            pool.shutdownNow();
        }
        assertThat(database.count("select claimed from leftover_offer where id = $1::uuid", offer)).isEqualTo(3);
        assertThat(database.count("select coalesce(sum(portions), 0) from leftover_claim where offer_id = $1::uuid", offer)).isEqualTo(3);
        assertThat(graphQL.call(kitchen.staff(), OPEN, Map.of("c", canteen)).getList("data.openLeftoverOffers")).isEmpty();
    }

    @Test
    void anOfferClosesAtItsTime() {
        String canteen = kitchen.canteen();
        String offer = offered(canteen, kitchen.dish(canteen, "包子"), 10);
        database.execute("update leftover_offer set available_until = now() - interval '1 minute' where id = $1::uuid", offer);
        JsonPath late = claim(kitchen.staff(), offer, 1);
        assertThat(errorCode(late)).isEqualTo("CONFLICT");
        assertThat(late.getString("errors[0].message")).contains("closed");
        assertThat(database.count("select count(*) from leftover_claim where offer_id = $1::uuid", offer)).isZero();
        assertThat(graphQL.call(kitchen.staff(), OPEN, Map.of("c", canteen)).getList("data.openLeftoverOffers")).isEmpty();
    }

    @Test
    void badOffersAndClaimsAreRefused() {
        String canteen = kitchen.canteen();
        String dish = kitchen.dish(canteen, "炒饭");
        OffsetDateTime later = OffsetDateTime.now().plusHours(1);
        JsonPath none = graphQL.call(kitchen.manager(), OFFER, Map.of("i", offer(canteen, dish, 0, 0, later)));
        assertThat(none.getString("errors[0].extensions.field")).isEqualTo("portions");
        JsonPath negative = graphQL.call(kitchen.manager(), OFFER, Map.of("i", offer(canteen, dish, 2, -1, later)));
        assertThat(negative.getString("errors[0].extensions.field")).isEqualTo("priceCents");
        JsonPath past = graphQL.call(kitchen.manager(), OFFER, Map.of("i", offer(canteen, dish, 2, 0, OffsetDateTime.now().minusMinutes(1))));
        assertThat(errorCode(past)).isEqualTo("VALIDATION");
        assertThat(past.getString("errors[0].extensions.field")).isEqualTo("availableUntil");
        assertThat(errorCode(graphQL.call(kitchen.manager(), OFFER, Map.of("i", offer(canteen, Demo.UNKNOWN, 2, 0, later)))))
                .isEqualTo("NOT_FOUND");
        String foreign = kitchen.dish(kitchen.canteen(), "别家");
        assertThat(graphQL.call(kitchen.manager(), OFFER, Map.of("i", offer(canteen, foreign, 2, 0, later)))
                .getString("errors[0].extensions.field")).isEqualTo("dishId");
        assertThat(database.count("select count(*) from leftover_offer where canteen_id = $1::uuid", canteen)).isZero();

        String offer = offered(canteen, dish, 20);
        JsonPath tooMany = claim(kitchen.staff(), offer, 11);
        assertThat(errorCode(tooMany)).isEqualTo("VALIDATION");
        assertThat(tooMany.getString("errors[0].extensions.field")).isEqualTo("portions");
        assertThat(errorCode(claim(kitchen.staff(), Demo.UNKNOWN, 1))).isEqualTo("NOT_FOUND");
        assertThat(claim(kitchen.staff(), "x", 1).getString("errors[0].extensions.field")).isEqualTo("offerId");
        assertThat(errorCode(graphQL.call(kitchen.staff(), OPEN, Map.of("c", Demo.UNKNOWN)))).isEqualTo("NOT_FOUND");
        assertThat(database.count("select claimed from leftover_offer where id = $1::uuid", offer)).isZero();
    }

    @Test
    void managersOfferAndStaffClaim() {
        String canteen = kitchen.canteen();
        String dish = kitchen.dish(canteen, "面条");
        Map<String, Object> input = Map.of("i", offer(canteen, dish, 2, 0, OffsetDateTime.now().plusHours(1)));
        assertThat(errorCode(graphQL.call(kitchen.staff(), OFFER, input))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), OFFER, input))).isEqualTo("UNAUTHENTICATED");
        String offer = offered(canteen, dish, 2);
        assertThat(errorCode(claim(kitchen.manager(), offer, 1))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(claim(graphQL.as("guard"), offer, 1))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(claim(graphQL.anonymous(), offer, 1))).isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(graphQL.call(kitchen.staff(), "query($o: ID!) { leftoverClaims(offerId: $o) { id } }",
                Map.of("o", offer)))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), OPEN, Map.of("c", canteen)))).isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(graphQL.call(graphQL.as("guard"), "{ myLeftoverClaims { id } }"))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), "{ myLeftoverClaims { id } }"))).isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(graphQL.call(kitchen.manager(), "query($o: ID!) { leftoverClaims(offerId: $o) { id } }",
                Map.of("o", Demo.UNKNOWN)))).isEqualTo("NOT_FOUND");
        assertThat(database.count("select count(*) from leftover_offer where canteen_id = $1::uuid", canteen)).isEqualTo(1);
        assertThat(database.count("select claimed from leftover_offer where id = $1::uuid", offer)).isZero();
    }

    @Test
    void subscribersSeeOffersAsTheyAreMadeAndClaimed() throws Exception {
        String canteen = kitchen.canteen();
        String dish = kitchen.dish(canteen, "馒头");
        As subscriber = graphQL.person("leftover-subscriber-" + UUID.randomUUID(), "订阅者", null, null, "staff");
        try (GraphQLSocket socket = graphQL.open(subscriber).subscribe("1", "subscription { leftoverOffers(canteenId: \""
                + canteen + "\") { offerId canteenId dishId portions remainingPortions priceCents availableUntil } }")) {
            JsonObject heard = null;
            List<String> offers = new ArrayList<>();
            // the subscription starts asynchronously: offer until the first offer is heard
            for (int attempt = 0; attempt < 10 && heard == null; attempt++) {
                offers.add(offered(canteen, dish, 4));
                heard = socket.nextData(Duration.ofSeconds(2));
            }
            assertThat(heard).isNotNull();
            JsonObject made = heard.getJsonObject("leftoverOffers");
            assertThat(offers).contains(made.getString("offerId"));
            assertThat(made.getString("dishId")).isEqualTo(dish);
            assertThat(made.getInteger("remainingPortions")).isEqualTo(4);

            String last = offers.get(offers.size() - 1);
            assertThat(claim(kitchen.staff(), last, 3).getString("data.claimLeftovers.pickupCode")).isNotNull();
            JsonObject afterClaim = null;
            for (JsonObject next = socket.nextData(Duration.ofSeconds(5)); next != null && afterClaim == null;
                    next = afterClaim == null ? socket.nextData(Duration.ofSeconds(5)) : null) {
                if (next.getJsonObject("leftoverOffers").getInteger("remainingPortions") == 1) {
                    afterClaim = next.getJsonObject("leftoverOffers");
                }
            }
            assertThat(afterClaim).isNotNull();
            assertThat(afterClaim.getString("offerId")).isEqualTo(last);
        }
    }
}
