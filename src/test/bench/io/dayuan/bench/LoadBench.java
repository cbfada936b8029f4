package io.dayuan.bench;

import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The load benchmark ({@code ./mvnw -Pload-bench verify}): the packaged application against its own embedded
 * PostgreSQL, the data set loaded through the API, then every scenario against the application and, where it has
 * one, against the bare-SQL ceiling in this JVM. Loopback only; bounded in time (about 6 minutes).
 * System properties: bench.seconds (per scenario, default 15), bench.jvm (the application's JVM options).
 */
public final class LoadBench {

    private static final String MENUS = "query($c: ID!, $f: Date!, $t: Date!) { menus(canteenId: $c, from: $f, to: $t) {"
            + " id date meal status revision items { id plannedPortions dish { id name allergens category priceCents } } } }";
    private static final String ROOMS = "query($s: ID, $m: Int, $e: [Equipment], $f: DateTime, $t: DateTime) {"
            + " rooms(siteId: $s, minCapacity: $m, equipment: $e, freeFrom: $f, freeTo: $t) { id name capacity equipment } }";
    private static final String SCHEDULE = "query($r: ID!, $f: DateTime!, $t: DateTime!) {"
            + " roomSchedule(roomId: $r, from: $f, to: $t) { id title startsAt endsAt status } }";
    private static final String SCAN = "mutation($i: ScanPassInput!) { scanPass(input: $i) { decision reason scanId } }";

    private final Path out;
    private final PrintStream report;
    private final List<String> summary = new ArrayList<>();
    private final double seconds = Double.parseDouble(System.getProperty("bench.seconds", "15"));
    private final List<String> jvm = Arrays.asList(System.getProperty("bench.jvm", "-Xmx256m").trim().split("\\s+"));

    private LoadBench(Path out) throws Exception {
        this.out = out;
        Files.createDirectories(out);
        this.report = new PrintStream(Files.newOutputStream(out.resolve("results.txt")), true, "UTF-8");
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "target/quarkus-app/quarkus-run.jar");
        new LoadBench(Path.of(args.length > 1 ? args[1] : "target/load-bench")).run(jar);
        System.exit(0);
    }

    private void say(String line) {
        System.out.println(line);
        report.println(line);
    }

    private void run(Path jar) throws Exception {
        say("Dayuan load benchmark " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors()
                + " cores, " + System.getProperty("os.name") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + "; application JVM options: " + jvm);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        Vertx ceilingVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        WebClient client = WebClient.create(vertx, new WebClientOptions().setMaxPoolSize(64).setKeepAlive(true));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("max_connections", "100")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(out.resolve("postgres.log").toFile())).start()) {
            try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
                s.execute("create extension if not exists pg_stat_statements");
            }
            Tokens tokens = new Tokens();
            int port = freePort();
            Map<String, String> env = environment(postgres.getPort(), port, tokens);
            Api api = new Api(client, port);
            DataSet data = new DataSet();
            try (AppProcess first = AppProcess.start(jar, env, jvm, out.resolve("app-1.log"))) {
                say(String.format("first start (migrating an empty database): %.2f s to the first answer",
                        firstAnswer(api, tokens, first)));
                long t0 = System.nanoTime();
                data.load(api, tokens);
                say(String.format("data set loaded through the API in %.1f s: 1 site, 2 canteens, 200 dishes, %d published"
                        + " menus, 20 rooms, %d bookings, 1 gate, %d passes", (System.nanoTime() - t0) / 1e9,
                        2 * 3 * DataSet.DAYS, data.bookings, data.codes.size()));
            }
            Ceiling ceiling = new Ceiling(ceilingVertx, postgres.getPort());
            int ceilingPort = ceiling.start();
            Load load = new Load(vertx);
            try (AppProcess app = AppProcess.start(jar, env, jvm, out.resolve("app-2.log"))) {
                double startup = firstAnswer(api, tokens, app);
                say(String.format("start-up on the migrated database: %.2f s from the process start to the first GraphQL"
                        + " answer", startup));
                summary.add(String.format("start-up to first answer: %.2f s", startup));
                Scenarios s = new Scenarios(api, client, ceilingPort, tokens, data);
                mixed(load, s, app);
                scenario(load, app, "week of menus", s::menus, s::menusCeiling, s);
                scenario(load, app, "free-room search", s::rooms, s::roomsCeiling, s);
                scenario(load, app, "roomSchedule for a day", s::schedule, s::scheduleCeiling, s);
                statementsPerRequest(postgres, s);
                scans(load, app, s);
                Load.Result rest = load.closedLoop("mixed, after the first minute", 8, 2, seconds, s::mixed);
                say(rest.line());
                summary.add(rest.line());
                say(String.format("RSS at the end: %.0f MiB", app.rssBytes() / 1048576.0));
            } finally {
                ceiling.close();
            }
        } finally {
            say("");
            say("SUMMARY");
            summary.forEach(this::say);
            client.close();
            vertx.close();
            ceilingVertx.close();
        }
    }

    /** The first minute after the start, in 10 s windows, and the RSS after it. */
    private void mixed(Load load, Scenarios s, AppProcess app) throws Exception {
        double total = 0;
        for (int window = 0; window < 6; window++) {
            Load.Result result = load.closedLoop("mixed, first minute " + (window * 10) + "-" + (window * 10 + 10) + " s", 8,
                    0, 10, s::mixed);
            say(result.line());
            total += result.requests();
        }
        summary.add(String.format("mixed load, first minute: %.1f req/s on average", total / 60));
        String rss = String.format("RSS after a minute of mixed load: %.0f MiB", app.rssBytes() / 1048576.0);
        say(rss);
        summary.add(rss);
    }

    private void scenario(Load load, AppProcess app, String name, Load.Call call, Load.Call ceilingCall, Scenarios s)
            throws Exception {
        Load.Result dayuan = load.closedLoop(name + " (Dayuan)", 8, 5, seconds, call);
        Load.Result bare = load.closedLoop(name + " (bare SQL ceiling)", 8, 5, seconds, ceilingCall);
        long before = app.allocatedBytes();
        int sample = 200;
        for (int i = 0; i < sample; i++) {
            call.apply(i).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        double allocation = (app.allocatedBytes() - before) / (double) sample;
        say(dayuan.line());
        say(bare.line());
        String line = String.format("%-22s %7.1f req/s = %5.1f %% of the ceiling (%7.1f), p99 %6.2f ms, %7.0f KB"
                + " allocated per request, errors %d", name, dayuan.throughput(),
                100 * dayuan.throughput() / bare.throughput(), bare.throughput(), dayuan.p99Millis(), allocation / 1024,
                dayuan.errors());
        say(line);
        summary.add(line);
        if (dayuan.errors() > 0) {
            say("  last error: " + Load.lastError);
        }
    }

    private void scans(Load load, AppProcess app, Scenarios s) throws Exception {
        long before = app.allocatedBytes();
        Load.Result result = load.fixedRate("scanPass at 500/s for 30 s", 500, 30, s::scan);
        double allocation = (app.allocatedBytes() - before) / (double) Math.max(1, result.requests());
        say(result.line());
        String line = String.format("scanPass offered 500/s for 30 s: %.1f/s answered, p50 %.2f ms, p99 %.2f ms, max %.1f ms,"
                + " errors %d, %.0f KB allocated per scan", result.throughput(), result.p50Millis(), result.p99Millis(),
                result.latency().getMaxValue() / 1e6, result.errors(), allocation / 1024);
        say(line);
        summary.add(line);
        if (result.errors() > 0) {
            say("  last error: " + Load.lastError);
        }
    }

    /** SQL statements per request, from pg_stat_statements, for menus over 1, 7 and 14 days. */
    private void statementsPerRequest(EmbeddedPostgres postgres, Scenarios s) throws Exception {
        StringBuilder line = new StringBuilder("SQL statements per menus request:");
        for (int days : new int[] { 1, 7, 14 }) {
            try (var c = postgres.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
                st.execute("select pg_stat_statements_reset()");
                int n = 50;
                for (int i = 0; i < n; i++) {
                    s.menus(i, days - 1).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                }
                try (var rs = st.executeQuery("select coalesce(sum(calls), 0) from pg_stat_statements where query ~* "
                        + "'(menu|dish|person)' and query !~* 'pg_stat_statements'")) {
                    rs.next();
                    line.append(String.format(" %d day(s): %.1f", days, rs.getLong(1) / (double) n));
                }
            }
        }
        say(line.toString());
        summary.add(line.toString());
    }

    private double firstAnswer(Api api, Tokens tokens, AppProcess app) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Buffer> response = api.post(tokens.staff, "{ sites { id } }", new JsonObject())
                        .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
                if (response.statusCode() == 200 && response.bodyAsJsonObject().containsKey("data")) {
                    return (System.nanoTime() - app.startedNanos) / 1e9;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            if (!app.process.isAlive()) {
                throw new IllegalStateException("The application stopped; see " + out);
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("No answer within 120 s; see " + out);
    }

    private static Map<String, String> environment(int pgPort, int port, Tokens tokens) throws Exception {
        Base64.Encoder base64 = Base64.getEncoder();
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:" + pgPort + "/postgres");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres");
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // health and metrics are on the management interface: a free port of its own, not 9000 that another run
        // on this machine may hold
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(freePort()));
        env.put("QUARKUS_OIDC_PUBLIC_KEY", tokens.publicKey());
        env.put("QUARKUS_OIDC_TOKEN_ISSUER", Tokens.ISSUER);
        env.put("DAYUAN_PASSES_SIGNING_KEY",
                base64.encodeToString(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded()));
        env.put("DAYUAN_VISITS_FACE_KEY", base64.encodeToString(random32()));
        env.put("DAYUAN_VISITS_ID_HASH_KEY", base64.encodeToString(random32()));
        // one line per GraphQL request would measure the console, not the service
        env.put("QUARKUS_LOG_CATEGORY__IO_DAYUAN_GRAPHQL_REQUEST__LEVEL", "WARN");
        return env;
    }

    private static byte[] random32() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The requests of every scenario: the i-th one of each. */
    private static final class Scenarios {
        private final Api api;
        private final WebClient client;
        private final int ceilingPort;
        private final Tokens tokens;
        private final DataSet data;

        Scenarios(Api api, WebClient client, int ceilingPort, Tokens tokens, DataSet data) {
            this.api = api;
            this.client = client;
            this.ceilingPort = ceilingPort;
            this.tokens = tokens;
            this.data = data;
        }

        private LocalDate day(long i) {
            return data.firstDay.plusDays(i % (DataSet.DAYS - 14));
        }

        Future<HttpResponse<Buffer>> menus(long i) {
            return menus(i, 6);
        }

        Future<HttpResponse<Buffer>> menus(long i, int span) {
            LocalDate from = day(i);
            return api.post(tokens.staff, MENUS, new JsonObject().put("c", data.canteens.get((int) (i % 2)))
                    .put("f", from.toString()).put("t", from.plusDays(span).toString()));
        }

        Future<HttpResponse<Buffer>> menusCeiling(long i) {
            LocalDate from = day(i);
            return client.get(ceilingPort, "127.0.0.1", "/menus").addQueryParam("canteenId", data.canteens.get((int) (i % 2)))
                    .addQueryParam("from", from.toString()).addQueryParam("to", from.plusDays(6).toString()).send();
        }

        private OffsetDateTime slot(long i) {
            return DataSet.at(day(i), 9 + (int) (i % 8), 0);
        }

        Future<HttpResponse<Buffer>> rooms(long i) {
            OffsetDateTime from = slot(i);
            return api.post(tokens.staff, ROOMS, new JsonObject().put("s", data.siteId).put("m", 6)
                    .put("e", new JsonArray().add("PROJECTOR")).put("f", from.toString()).put("t", from.plusHours(1).toString()));
        }

        Future<HttpResponse<Buffer>> roomsCeiling(long i) {
            OffsetDateTime from = slot(i);
            return client.get(ceilingPort, "127.0.0.1", "/rooms").addQueryParam("siteId", data.siteId)
                    .addQueryParam("minCapacity", "6").addQueryParam("equipment", "PROJECTOR")
                    .addQueryParam("freeFrom", from.toString()).addQueryParam("freeTo", from.plusHours(1).toString()).send();
        }

        Future<HttpResponse<Buffer>> schedule(long i) {
            OffsetDateTime from = DataSet.at(day(i), 0, 0);
            return api.post(tokens.staff, SCHEDULE, new JsonObject().put("r", data.rooms.get((int) (i % 20)))
                    .put("f", from.toString()).put("t", from.plusDays(1).toString()));
        }

        Future<HttpResponse<Buffer>> scheduleCeiling(long i) {
            OffsetDateTime from = DataSet.at(day(i), 0, 0);
            return client.get(ceilingPort, "127.0.0.1", "/roomSchedule").addQueryParam("roomId", data.rooms.get((int) (i % 20)))
                    .addQueryParam("from", from.toString()).addQueryParam("to", from.plusDays(1).toString()).send();
        }

        /** Pass i mod 200, in then out then in again. */
        Future<HttpResponse<Buffer>> scan(long i) {
            int pass = (int) (i % data.codes.size());
            String direction = (i / data.codes.size()) % 2 == 0 ? "IN" : "OUT";
            return api.post(tokens.guard, SCAN, new JsonObject().put("i", new JsonObject()
                    .put("code", data.codes.get(pass)).put("gateId", data.gateId).put("direction", direction)));
        }

        /** Menus, room search, schedules and scans, in turn. */
        Future<HttpResponse<Buffer>> mixed(long i) {
            return switch ((int) (i % 4)) {
                case 0 -> menus(i / 4);
                case 1 -> rooms(i / 4);
                case 2 -> schedule(i / 4);
                default -> scan(i / 4 + 7);
            };
        }
    }
}
