package io.dayuan.notifications.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.notifications.Notification;
import io.dayuan.platform.events.Events;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A person's notifications as they reach the inbox, from any replica: the {@link InboxArrivals} events (through
 * PostgreSQL LISTEN/NOTIFY) filtered to the person, each read back from the database.
 */
@ApplicationScoped
public class LiveNotifications {

    @Inject
    Events events;

    @Inject
    Pool pool;

    public Multi<Notification> of(UUID personId) {
        return events.on(InboxArrivals.topic())
                .onItem().transformToIterable(arrivals -> arrivals.idsFor(personId))
                .onItem().transformToUniAndConcatenate(id -> load(personId, id));
    }

    /** The notification, unless it was withdrawn meanwhile (then null, which the stream skips). */
    private Uni<Notification> load(UUID personId, UUID id) {
        return pool.preparedQuery("SELECT id, person_id, kind, title, body, link, deliver_at, read_at FROM notification "
                + "WHERE id = $1 AND person_id = $2 AND withdrawn_at IS NULL")
                .execute(Tuple.of(id, personId)).map(LiveNotifications::first);
    }

    private static Notification first(RowSet<Row> rows) {
        for (Row row : rows) {
            Notification notification = new Notification();
            notification.id = row.getUUID("id");
            notification.personId = row.getUUID("person_id");
            notification.kind = row.getString("kind");
            notification.title = row.getString("title");
            notification.body = row.getString("body");
            notification.link = row.getString("link");
            notification.deliverAt = row.getOffsetDateTime("deliver_at");
            notification.readAt = row.getOffsetDateTime("read_at");
            return notification;
        }
        return null;
    }
}
