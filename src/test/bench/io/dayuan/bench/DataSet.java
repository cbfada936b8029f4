package io.dayuan.bench;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The realistic data set, loaded through the API as people would: a site, 2 canteens with 100 dishes each, a month
 * of published menus (3 meals a day, 8 dishes each), 20 rooms with a month of bookings, a gate and 200 passes.
 */
final class DataSet {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int DAYS = 30;
    private static final String[] ALLERGENS = { "GLUTEN", "EGGS", "FISH", "PEANUTS", "SOY", "MILK", "SESAME" };
    private static final String[] CATEGORIES = { "STAPLE", "MEAT", "VEGETABLE", "SOUP", "DESSERT", "DRINK" };
    private static final String[] MEALS = { "BREAKFAST", "LUNCH", "DINNER" };
    private static final String[] EQUIPMENT = { "PROJECTOR", "SCREEN_CAST", "VIDEO_CONFERENCE" };

    final LocalDate firstDay = LocalDate.now(ZONE).plusDays(1);
    String siteId;
    final List<String> canteens = new ArrayList<>();
    final List<String> rooms = new ArrayList<>();
    String gateId;
    final List<String> codes = new ArrayList<>();
    int bookings;

    void load(Api api, Tokens tokens) throws Exception {
        siteId = api.data(tokens.admin, "mutation($i: NewSiteInput!) { createSite(input: $i) { id } }",
                vars("i", new JsonObject().put("name", "基准园区").put("timeZone", ZONE.getId())))
                .getJsonObject("createSite").getString("id");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int c = 0; c < 2; c++) {
                canteens.add(api.data(tokens.admin, "mutation($i: NewCanteenInput!) { createCanteen(input: $i) { id } }",
                        vars("i", new JsonObject().put("name", "食堂 " + (c + 1)).put("siteId", siteId)))
                        .getJsonObject("createCanteen").getString("id"));
            }
            for (String canteen : canteens) {
                loadMenus(api, tokens, pool, canteen, loadDishes(api, tokens, pool, canteen));
            }
            loadRooms(api, tokens, pool);
            gateId = api.data(tokens.admin, "mutation($i: NewGateInput!) { createGate(input: $i) { id } }",
                    vars("i", new JsonObject().put("name", "东门").put("kind", "BOTH").put("siteId", siteId)))
                    .getJsonObject("createGate").getString("id");
            loadPasses(api, tokens);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> loadDishes(Api api, Tokens tokens, ExecutorService pool, String canteen) throws Exception {
        List<Future<String>> dishes = new ArrayList<>();
        for (int d = 0; d < 100; d++) {
            int n = d;
            JsonArray allergens = new JsonArray();
            for (int a = 0; a < n % 3; a++) {
                allergens.add(ALLERGENS[(n + a) % ALLERGENS.length]);
            }
            JsonObject input = new JsonObject().put("canteenId", canteen).put("name", "菜品 " + (n + 1))
                    .put("category", CATEGORIES[n % CATEGORIES.length]).put("allergens", allergens)
                    .put("priceCents", 300 + n * 10).put("guestPriceCents", 600 + n * 10);
            dishes.add(pool.submit(() -> api.data(tokens.manager,
                    "mutation($i: NewDishInput!) { createDish(input: $i) { id } }", vars("i", input))
                    .getJsonObject("createDish").getString("id")));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> dish : dishes) {
            ids.add(dish.get());
        }
        return ids;
    }

    private void loadMenus(Api api, Tokens tokens, ExecutorService pool, String canteen, List<String> dishes)
            throws Exception {
        List<Future<?>> menus = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            for (int meal = 0; meal < MEALS.length; meal++) {
                JsonArray items = new JsonArray();
                for (int i = 0; i < 8; i++) {
                    items.add(new JsonObject().put("dishId", dishes.get((day * 7 + meal * 31 + i * 11) % dishes.size()))
                            .put("plannedPortions", 100 + i * 10));
                }
                JsonObject input = new JsonObject().put("canteenId", canteen).put("date", firstDay.plusDays(day).toString())
                        .put("meal", MEALS[meal]).put("items", items);
                menus.add(pool.submit(() -> {
                    String id = api.data(tokens.manager, "mutation($i: SaveMenuInput!) { saveMenu(input: $i) { id } }",
                            vars("i", input)).getJsonObject("saveMenu").getString("id");
                    return api.data(tokens.manager, "mutation($id: ID!) { publishMenu(id: $id) { id } }", vars("id", id));
                }));
            }
        }
        for (Future<?> menu : menus) {
            menu.get();
        }
    }

    private void loadRooms(Api api, Tokens tokens, ExecutorService pool) throws Exception {
        for (int r = 0; r < 20; r++) {
            JsonArray equipment = new JsonArray();
            for (int e = 0; e < EQUIPMENT.length; e++) {
                if ((r >> e & 1) == 1 || e == 0 && r % 2 == 0) {
                    equipment.add(EQUIPMENT[e]);
                }
            }
            JsonObject input = new JsonObject().put("siteId", siteId).put("name", String.format("会议室 %02d", r + 1))
                    .put("capacity", 4 + (r % 5) * 4).put("equipment", equipment).put("horizonDays", 90)
                    .put("cleanupMinutes", 10 * (r % 2));
            rooms.add(api.data(tokens.admin, "mutation($i: NewRoomInput!) { createRoom(input: $i) { id } }",
                    vars("i", input)).getJsonObject("createRoom").getString("id"));
        }
        int[][] slots = { { 9, 0, 60 }, { 10, 30, 60 }, { 13, 0, 90 }, { 15, 0, 60 }, { 16, 30, 45 } };
        List<Future<?>> booked = new ArrayList<>();
        for (int r = 0; r < rooms.size(); r++) {
            for (int day = 0; day < DAYS; day++) {
                for (int s = 0; s < slots.length; s++) {
                    if ((r + day + s) % 3 == 0) {
                        continue;
                    }
                    OffsetDateTime start = at(firstDay.plusDays(day), slots[s][0], slots[s][1]);
                    JsonObject input = new JsonObject().put("roomId", rooms.get(r)).put("title", "例会 " + s)
                            .put("startsAt", start.toString()).put("endsAt", start.plusMinutes(slots[s][2]).toString())
                            .put("attendeeCount", 3);
                    bookings++;
                    booked.add(pool.submit(() -> api.data(tokens.staff,
                            "mutation($i: NewBookingInput!) { bookRoom(input: $i) { id } }", vars("i", input))));
                }
            }
        }
        for (Future<?> booking : booked) {
            booking.get();
        }
    }

    private void loadPasses(Api api, Tokens tokens) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        JsonArray inputs = new JsonArray();
        for (int p = 0; p < 200; p++) {
            inputs.add(new JsonObject().put("holderName", "访客 " + (p + 1)).put("kind", "PERSON")
                    .put("siteIds", new JsonArray().add(siteId)).put("validFrom", now.minusHours(1).toString())
                    .put("validUntil", now.plusDays(30).toString()));
        }
        JsonArray passes = api.data(tokens.admin, "mutation($i: [NewPassInput!]!) { issuePasses(inputs: $i) { code } }",
                vars("i", inputs)).getJsonArray("issuePasses");
        for (int p = 0; p < passes.size(); p++) {
            codes.add(passes.getJsonObject(p).getString("code"));
        }
    }

    static OffsetDateTime at(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day.atTime(hour, minute), ZONE).toOffsetDateTime();
    }

    static JsonObject vars(String name, Object value) {
        return new JsonObject().put(name, value);
    }
}
