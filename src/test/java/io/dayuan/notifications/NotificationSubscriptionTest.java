package io.dayuan.notifications;

import static io.dayuan.notifications.NotificationFixtures.await;
import static io.dayuan.notifications.NotificationFixtures.inTransaction;
import static io.dayuan.notifications.NotificationFixtures.notice;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.dayuan.GraphQL;
import io.dayuan.notifications.NotificationFixtures.Someone;
import io.dayuan.notifications.service.Notifier;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Tuple;

/**
 * The {@code notifications} subscription over WebSocket (graphql-transport-ws, the token in connection_init), and
 * the LISTEN/NOTIFY fan-out that carries notifications between replicas.
 */
@QuarkusTest
class NotificationSubscriptionTest {

    private static final String SUBSCRIPTION = "subscription { notifications { id kind title body link } }";

    @Inject
    Vertx vertx;

    @Inject
    Notifier notifier;

    @Inject
    NotificationFixtures fixtures;

    @Inject
    GraphQL graphQL;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    /** A phone connected to the subscription: every message the server sends. */
    final class Live implements AutoCloseable {
        final List<JsonObject> messages = new CopyOnWriteArrayList<>();
        final HttpClient client = vertx.createHttpClient();
        final WebSocket socket;

        Live(String token) throws Exception {
            WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("localhost").setPort(RestAssured.port)
                    .setURI("/graphql").addSubProtocol("graphql-transport-ws");
            socket = client.webSocket(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            socket.textMessageHandler(text -> messages.add(new JsonObject(text)));
            JsonObject init = new JsonObject().put("type", "connection_init");
            if (token != null) {
                init.put("payload", new JsonObject().put("Authorization", "Bearer " + token));
            }
            socket.writeTextMessage(init.encode());
            await("connection_ack", Duration.ofSeconds(10), () -> messages.stream().anyMatch(m -> "connection_ack".equals(m.getString("type")))
                    || socket.isClosed());
            socket.writeTextMessage(new JsonObject().put("id", "1").put("type", "subscribe")
                    .put("payload", new JsonObject().put("query", SUBSCRIPTION)).encode());
        }

        List<JsonObject> notifications() {
            return messages.stream().filter(m -> "next".equals(m.getString("type")))
                    .map(m -> m.getJsonObject("payload").getJsonObject("data"))
                    .filter(data -> data != null && data.getJsonObject("notifications") != null)
                    .map(data -> data.getJsonObject("notifications")).toList();
        }

        List<String> titles() {
            return notifications().stream().map(n -> n.getString("title")).toList();
        }

        @Override
        public void close() {
            socket.close();
            client.close();
        }
    }

    /** Notifies the person until the subscription shows one arriving: from then on it is live. */
    private void untilLive(Someone person, Live live) {
        await("the subscription to go live", Duration.ofSeconds(20), () -> {
            if (live.notifications().isEmpty()) {
                inTransaction(() -> notifier.notify(person.id(), notice("TEST_PING", "ping")));
                sleep(300);
            }
            return !live.notifications().isEmpty();
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void eachPersonReceivesTheirOwnNotificationsLiveAndNeverAnyoneElses() throws Exception {
        Someone alice = fixtures.someone(null, "staff");
        Someone bob = fixtures.someone("en", "guard");
        try (Live aliceLive = new Live(GraphQLToken.of(alice)); Live bobLive = new Live(GraphQLToken.of(bob))) {
            untilLive(alice, aliceLive);
            untilLive(bob, bobLive);
            String secret = "bob-" + UUID.randomUUID();
            String last = "alice-" + UUID.randomUUID();
            inTransaction(() -> notifier.notify(bob.id(), notice("TEST_LIVE", secret)));
            inTransaction(() -> notifier.notify(alice.id(), notice("TEST_LIVE", last)));

            await("alice's notification", Duration.ofSeconds(10), () -> aliceLive.titles().contains("会议提醒 " + last));
            await("bob's notification", Duration.ofSeconds(10), () -> bobLive.titles().contains("Meeting reminder " + secret));
            JsonObject received = bobLive.notifications().stream()
                    .filter(n -> n.getString("title").equals("Meeting reminder " + secret)).findFirst().orElseThrow();
            assertThat(received.getString("kind")).isEqualTo("TEST_LIVE");
            assertThat(received.getString("link")).isEqualTo("dayuan://test/" + secret);
            // events arrive in commit order: bob's came before alice's last one, and never reached alice
            assertThat(aliceLive.titles()).noneMatch(title -> title.contains(secret));
            assertThat(bobLive.titles()).noneMatch(title -> title.contains(last));
            assertThat(aliceLive.titles()).allMatch(title -> title.startsWith("会议提醒 "));
        }
    }

    @Test
    void aScheduledNotificationArrivesLiveWhenDueAndAWithdrawnOneNever() throws Exception {
        Someone person = fixtures.someone(null, "staff");
        try (Live live = new Live(GraphQLToken.of(person))) {
            untilLive(person, live);
            String due = "due-" + UUID.randomUUID();
            String withdrawn = "withdrawn-" + UUID.randomUUID();
            OffsetDateTime at = OffsetDateTime.now().plusSeconds(2);
            inTransaction(() -> notifier.schedule(person.id(), notice("TEST_LIVE_LATER", withdrawn), at, "test:" + withdrawn)
                    .chain(() -> notifier.schedule(person.id(), notice("TEST_LIVE_LATER", due), at, "test:" + due)));
            inTransaction(() -> notifier.withdraw("test:" + withdrawn));
            assertThat(live.titles()).noneMatch(title -> title.contains(due));
            await("the scheduled notification", Duration.ofSeconds(20), () -> live.titles().contains("会议提醒 " + due));
            assertThat(live.titles()).noneMatch(title -> title.contains(withdrawn));
        }
    }

    @Test
    void theSubscriptionNeedsASignedInPerson() throws Exception {
        try (Live anonymous = new Live(null)) {
            // graphql-transport-ws: the subscribe is answered with an error message for its id
            await("the refusal", Duration.ofSeconds(10), () -> anonymous.messages.stream()
                    .anyMatch(m -> "error".equals(m.getString("type"))));
            JsonObject refusal = anonymous.messages.stream().filter(m -> "error".equals(m.getString("type")))
                    .findFirst().orElseThrow();
            assertThat(refusal.getString("id")).isEqualTo("1");
            assertThat(refusal.getJsonArray("payload").getJsonObject(0).getJsonObject("extensions").getString("code"))
                    .isEqualTo("UNAUTHENTICATED");
            assertThat(anonymous.notifications()).isEmpty();
        }
        try (Live forged = new Live("not-a-token")) {
            // a token that fails verification: the server closes the socket before any acknowledgement
            await("the socket closed", Duration.ofSeconds(10), forged.socket::isClosed);
            assertThat(forged.messages).isEmpty();
        }
    }

    @Test
    void notificationsFanOutToEveryListenerOnTheDatabase() throws Exception {
        Someone person = fixtures.someone(null, "staff");
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        List<JsonObject> heardByOtherReplica = new CopyOnWriteArrayList<>();
        PgSubscriber otherReplica = PgSubscriber.subscriber(vertx, options);
        otherReplica.channel("dayuan_events").handler(payload -> heardByOtherReplica.add(new JsonObject(payload)));
        otherReplica.connect().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        try (Live live = new Live(GraphQLToken.of(person))) {
            untilLive(person, live);

            // this replica notifies: a second listener on the same database (another replica) hears it
            String here = "here-" + UUID.randomUUID();
            inTransaction(() -> notifier.notify(person.id(), notice("TEST_FANOUT", here)));
            UUID id = (UUID) fixturesId(here);
            await("the other replica to hear it", Duration.ofSeconds(10), () -> heardByOtherReplica.stream()
                    .anyMatch(event -> "notifications".equals(event.getString("topic"))
                            && event.getJsonObject("data").encode().contains(id.toString())
                            && event.getJsonObject("data").encode().contains(person.id().toString())));

            // another replica notifies (its own connection, its own transaction): the subscriber here receives it
            String there = "there-" + UUID.randomUUID();
            PgConnection replica = PgConnection.connect(vertx, options).toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            try {
                UUID otherId = UUID.randomUUID();
                String payload = new JsonObject().put("topic", "notifications").put("data", new JsonObject()
                        .put("items", new io.vertx.core.json.JsonArray().add(new JsonObject()
                                .put("personId", person.id().toString()).put("id", otherId.toString())))).encode();
                replica.begin().compose(tx -> replica.preparedQuery("INSERT INTO notification (id, person_id, kind, title, body) "
                        + "VALUES ($1, $2, 'TEST_FANOUT', $3, '来自另一个副本')").execute(Tuple.of(otherId, person.id(), there))
                        .compose(done -> replica.preparedQuery("SELECT pg_notify('dayuan_events', $1)").execute(Tuple.of(payload)))
                        .compose(done -> tx.commit())).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } finally {
                replica.close();
            }
            await("the other replica's notification", Duration.ofSeconds(10), () -> live.titles().contains(there));
        } finally {
            otherReplica.close();
        }
    }

    @Inject
    io.dayuan.Database database;

    private Object fixturesId(String marker) {
        return database.rows("SELECT id FROM notification WHERE title = $1", "会议提醒 " + marker).get(0).getUUID(0);
    }

    /** The bearer token of a fixture person. */
    static final class GraphQLToken {
        static String of(Someone someone) {
            return someone.as().token();
        }
    }
}
