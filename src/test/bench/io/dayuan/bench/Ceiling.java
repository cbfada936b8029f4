package io.dayuan.bench;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

/**
 * The ceiling: the same answers as the application's (same rows, same JSON shape) from a bare Vert.x HTTP server and
 * the reactive PostgreSQL client, one prepared statement per request, no GraphQL, no ORM, no security.
 */
final class Ceiling {

    static final String MENUS = "select m.id, m.date, m.meal, m.status, m.revision, i.id as item_id, i.planned_portions,"
            + " d.id as dish_id, d.name, d.allergens, d.category, d.staff_price_cents from menu m"
            + " join menu_item i on i.menu_id = m.id join dish d on d.id = i.dish_id"
            + " where m.canteen_id = $1 and m.date between $2 and $3 and m.status = 'PUBLISHED'"
            + " order by m.date, m.meal, i.position";
    static final String ROOMS = "select r.id, r.name, r.capacity, r.equipment from room r"
            + " where r.site_id = $1 and r.capacity >= $2 and $3::text = any(r.equipment) and not exists (select 1 from booking b"
            + " where b.room_id = r.id and b.status in ('PENDING', 'CONFIRMED', 'CHECKED_IN')"
            + " and tstzrange(b.starts_at, b.held_until) && tstzrange($4::timestamptz, $5::timestamptz + make_interval(mins => r.cleanup_minutes)))"
            + " order by r.name, r.id";
    static final String SCHEDULE = "select id, title, starts_at, ends_at, status from booking where room_id = $1"
            + " and status in ('PENDING', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED') and starts_at < $3 and ends_at > $2"
            + " order by starts_at, id";

    private final Vertx vertx;
    private final PgPool pool;
    private HttpServer server;

    Ceiling(Vertx vertx, int pgPort) {
        this.vertx = vertx;
        this.pool = PgPool.pool(vertx, new PgConnectOptions().setHost("127.0.0.1").setPort(pgPort)
                .setDatabase("postgres").setUser("postgres").setPassword("postgres").setCachePreparedStatements(true),
                new PoolOptions().setMaxSize(20));
    }

    int start() throws Exception {
        server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1").toCompletionStage()
                .toCompletableFuture().get();
        return server.actualPort();
    }

    private void handle(HttpServerRequest request) {
        Future<JsonObject> data = switch (request.path()) {
            case "/menus" -> menus(UUID.fromString(request.getParam("canteenId")), LocalDate.parse(request.getParam("from")),
                    LocalDate.parse(request.getParam("to")));
            case "/rooms" -> rooms(UUID.fromString(request.getParam("siteId")), Integer.parseInt(request.getParam("minCapacity")),
                    request.getParam("equipment"), OffsetDateTime.parse(request.getParam("freeFrom")),
                    OffsetDateTime.parse(request.getParam("freeTo")));
            case "/roomSchedule" -> schedule(UUID.fromString(request.getParam("roomId")),
                    OffsetDateTime.parse(request.getParam("from")), OffsetDateTime.parse(request.getParam("to")));
            default -> Future.failedFuture("no such path");
        };
        data.onSuccess(json -> request.response().putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("data", json).toBuffer()))
                .onFailure(e -> request.response().setStatusCode(500).end(String.valueOf(e)));
    }

    private Future<JsonObject> menus(UUID canteen, LocalDate from, LocalDate to) {
        return pool.preparedQuery(MENUS).execute(Tuple.of(canteen, from, to)).map(rows -> {
            Map<UUID, JsonObject> menus = new LinkedHashMap<>();
            for (Row row : rows) {
                JsonObject menu = menus.computeIfAbsent(row.getUUID("id"), id -> new JsonObject().put("id", id.toString())
                        .put("date", row.getLocalDate("date").toString()).put("meal", row.getString("meal"))
                        .put("status", row.getString("status")).put("revision", row.getInteger("revision"))
                        .put("items", new JsonArray()));
                JsonObject dish = new JsonObject().put("id", row.getUUID("dish_id").toString())
                        .put("name", row.getString("name")).put("allergens", new JsonArray(java.util.List.of(row.getArrayOfStrings("allergens"))))
                        .put("category", row.getString("category")).put("priceCents", row.getInteger("staff_price_cents"));
                menu.getJsonArray("items").add(new JsonObject().put("id", row.getUUID("item_id").toString())
                        .put("plannedPortions", row.getInteger("planned_portions")).put("dish", dish));
            }
            return new JsonObject().put("menus", new JsonArray(new java.util.ArrayList<>(menus.values())));
        });
    }

    private Future<JsonObject> rooms(UUID site, int minCapacity, String equipment, OffsetDateTime from, OffsetDateTime to) {
        return pool.preparedQuery(ROOMS).execute(Tuple.of(site, minCapacity, equipment, from, to)).map(rows -> {
            JsonArray rooms = new JsonArray();
            for (Row row : rows) {
                rooms.add(new JsonObject().put("id", row.getUUID("id").toString()).put("name", row.getString("name"))
                        .put("capacity", row.getInteger("capacity"))
                        .put("equipment", new JsonArray(java.util.List.of(row.getArrayOfStrings("equipment")))));
            }
            return new JsonObject().put("rooms", rooms);
        });
    }

    private Future<JsonObject> schedule(UUID room, OffsetDateTime from, OffsetDateTime to) {
        return pool.preparedQuery(SCHEDULE).execute(Tuple.of(room, from, to)).map((RowSet<Row> rows) -> {
            JsonArray bookings = new JsonArray();
            for (Row row : rows) {
                bookings.add(new JsonObject().put("id", row.getUUID("id").toString()).put("title", row.getString("title"))
                        .put("startsAt", row.getOffsetDateTime("starts_at").toString())
                        .put("endsAt", row.getOffsetDateTime("ends_at").toString()).put("status", row.getString("status")));
            }
            return new JsonObject().put("roomSchedule", bookings);
        });
    }

    void close() {
        if (server != null) {
            server.close();
        }
        pool.close();
    }
}
