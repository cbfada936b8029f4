package io.dayuan.platform.events;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.dayuan.platform.QuarkusSettings;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Live events for GraphQL subscriptions, shared by every replica through PostgreSQL LISTEN/NOTIFY: an event
 * published on one replica reaches the subscribers of all of them, and only once its transaction commits.
 * Payloads are small (PostgreSQL allows 8000 bytes): ids and a few fields, not whole objects. Each kind of event
 * is a {@link Topic}: a record with its JSON form.
 */
@ApplicationScoped
public class Events {

    static final String CHANNEL = "dayuan_events";
    private static final int BUFFERED_EVENTS = 1024;
    private static final Logger LOG = Logger.getLogger(Events.class);

    @Inject
    Vertx vertx;

    @Inject
    QuarkusSettings quarkus;

    private final BroadcastProcessor<JsonObject> received = BroadcastProcessor.create();
    private PgSubscriber subscriber;

    void listen(@Observes StartupEvent started) {
        QuarkusSettings.Datasource datasource = quarkus.datasource();
        PgConnectOptions options = PgConnectOptions.fromUri(datasource.reactive().url().replaceFirst("^vertx-reactive:", ""));
        datasource.username().ifPresent(options::setUser);
        datasource.password().ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempt -> Math.min(500L * (attempt + 1), 5000L));
        subscriber.channel(CHANNEL).handler(payload -> received.onNext(new JsonObject(payload)));
        subscriber.connect().subscribe().with(ok -> LOG.debug("Listening for events"),
                failure -> LOG.error("Cannot listen for events", failure));
    }

    void stop(@Observes ShutdownEvent stopped) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    /** Publishes an event when the current transaction commits; call it from a {@code @WithTransaction} method. */
    public <E> Uni<Void> publish(Topic<E> topic, E event) {
        String payload = payload(topic, event);
        return Panache.getSession().chain(session -> session.createNativeQuery("select pg_notify(:channel, :payload)")
                .setParameter("channel", CHANNEL).setParameter("payload", payload).getSingleResult())
                .replaceWithVoid();
    }

    /**
     * The NOTIFY channel of events, for code that publishes on its own SQL connection with
     * {@code select pg_notify(<channel>, <payload>)} (e.g. a statement that also changes rows).
     */
    public static String channel() {
        return CHANNEL;
    }

    /** The NOTIFY payload of an event; see {@link #channel()}. */
    public static <E> String payload(Topic<E> topic, E event) {
        return new JsonObject().put("topic", topic.name()).put("data", topic.toJson().apply(event)).encode();
    }

    /** Every event of a topic, from any replica, from now on. */
    public <E> Multi<E> on(Topic<E> topic) {
        // each subscriber gets a buffer of its own: a burst never fails a subscriber that is a little behind
        return received.onOverflow().buffer(BUFFERED_EVENTS)
                .filter(event -> topic.name().equals(event.getString("topic")))
                .map(event -> topic.fromJson().apply(event.getJsonObject("data")));
    }
}
