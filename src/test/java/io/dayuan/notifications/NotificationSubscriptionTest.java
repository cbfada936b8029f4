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

import io.dayuan.GraphQL.As;
import io.dayuan.GraphQLSocket;
import io.dayuan.notifications.NotificationFixtures.Someone;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
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
class NotificationSubscriptionTest extends NotificationTestBase {

    private static final String SUBSCRIPTION = "subscription { notifications { id kind title body link } }";

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    /** A phone of the person connected to the subscription. */
    private GraphQLSocket live(Someone person) throws Exception {
        return graphQL.open(person.as()).subscribe("1", SUBSCRIPTION);
    }

    private static List<JsonObject> notifications(GraphQLSocket live) {
        return live.received().stream().filter(m -> "next".equals(m.getString("type")))
                .map(m -> m.getJsonObject("payload").getJsonObject("data"))
                .filter(data -> data != null && data.getJsonObject("notifications") != null)
                .map(data -> data.getJsonObject("notifications")).toList();
    }

    private static List<String> titles(GraphQLSocket live) {
        return notifications(live).stream().map(n -> n.getString("title")).toList();
    }

    /** Notifies the person until the subscription shows one arriving: from then on it is live. */
    private void untilLive(Someone person, GraphQLSocket live) {
        await("the subscription to go live", Duration.ofSeconds(20), () -> {
            if (notifications(live).isEmpty()) {
                inTransaction(() -> notifier.notify(person.id(), notice("TEST_PING", "ping")));
                sleep(300);
            }
            return !notifications(live).isEmpty();
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
        try (GraphQLSocket aliceLive = live(alice); GraphQLSocket bobLive = live(bob)) {
            untilLive(alice, aliceLive);
            untilLive(bob, bobLive);
            String secret = "bob-" + UUID.randomUUID();
            String last = "alice-" + UUID.randomUUID();
            inTransaction(() -> notifier.notify(bob.id(), notice("TEST_LIVE", secret)));
            inTransaction(() -> notifier.notify(alice.id(), notice("TEST_LIVE", last)));

            await("alice's notification", Duration.ofSeconds(10), () -> titles(aliceLive).contains("会议提醒 " + last));
            await("bob's notification", Duration.ofSeconds(10), () -> titles(bobLive).contains("Meeting reminder " + secret));
            JsonObject received = notifications(bobLive).stream()
                    .filter(n -> n.getString("title").equals("Meeting reminder " + secret)).findFirst().orElseThrow();
            assertThat(received.getString("kind")).isEqualTo("TEST_LIVE");
            assertThat(received.getString("link")).isEqualTo("dayuan://test/" + secret);
            // events arrive in commit order: bob's came before alice's last one, and never reached alice
            assertThat(titles(aliceLive)).noneMatch(title -> title.contains(secret));
            assertThat(titles(bobLive)).noneMatch(title -> title.contains(last));
            assertThat(titles(aliceLive)).allMatch(title -> title.startsWith("会议提醒 "));
        }
    }

    @Test
    void aScheduledNotificationArrivesLiveWhenDueAndAWithdrawnOneNever() throws Exception {
        Someone person = fixtures.someone(null, "staff");
        try (GraphQLSocket live = live(person)) {
            untilLive(person, live);
            String due = "due-" + UUID.randomUUID();
            String withdrawn = "withdrawn-" + UUID.randomUUID();
            OffsetDateTime at = OffsetDateTime.now().plusSeconds(2);
            inTransaction(() -> notifier.schedule(person.id(), notice("TEST_LIVE_LATER", withdrawn), at, "test:" + withdrawn)
                    .chain(() -> notifier.schedule(person.id(), notice("TEST_LIVE_LATER", due), at, "test:" + due)));
            inTransaction(() -> notifier.withdraw("test:" + withdrawn));
            assertThat(titles(live)).noneMatch(title -> title.contains(due));
            await("the scheduled notification", Duration.ofSeconds(20), () -> titles(live).contains("会议提醒 " + due));
            assertThat(titles(live)).noneMatch(title -> title.contains(withdrawn));
        }
    }

    @Test
    void theSubscriptionNeedsASignedInPerson() throws Exception {
        try (GraphQLSocket anonymous = graphQL.open(graphQL.anonymous()).subscribe("1", SUBSCRIPTION)) {
            // graphql-transport-ws: the subscribe is answered with an error message for its id
            await("the refusal", Duration.ofSeconds(10), () -> anonymous.received().stream()
                    .anyMatch(m -> "error".equals(m.getString("type"))));
            JsonObject refusal = anonymous.received().stream().filter(m -> "error".equals(m.getString("type")))
                    .findFirst().orElseThrow();
            assertThat(refusal.getString("id")).isEqualTo("1");
            assertThat(refusal.getJsonArray("payload").getJsonObject(0).getJsonObject("extensions").getString("code"))
                    .isEqualTo("UNAUTHENTICATED");
            assertThat(notifications(anonymous)).isEmpty();
        }
        try (GraphQLSocket forged = graphQL.connect(new As("not-a-token"))) {
            // a token that fails verification: the server closes the socket before any acknowledgement
            await("the socket closed", Duration.ofSeconds(10), forged::isClosed);
            assertThat(forged.received()).isEmpty();
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
        try (GraphQLSocket live = live(person)) {
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
            await("the other replica's notification", Duration.ofSeconds(10), () -> titles(live).contains(there));
        } finally {
            otherReplica.close();
        }
    }

    private Object fixturesId(String marker) {
        return database.rows("SELECT id FROM notification WHERE title = $1", "会议提醒 " + marker).get(0).getUUID(0);
    }
}
