package io.dayuan.notifications.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.notifications.Notification;
import io.dayuan.platform.events.Events;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A person's notifications as they reach the inbox, from any replica: the {@link Notifier#TOPIC} events (through
 * PostgreSQL LISTEN/NOTIFY) filtered to the person, each read back from the database.
 */
@ApplicationScoped
public class LiveNotifications {

    @Inject
    Events events;

    @Inject
    Pool pool;

    public Multi<Notification> of(UUID personId) {
        String person = personId.toString();
        return events.on(Notifier.TOPIC)
                .onItem().transformToIterable(data -> idsFor(person, data))
                .onItem().transformToUniAndConcatenate(id -> load(personId, id));
    }

    private static List<UUID> idsFor(String person, JsonObject data) {
        List<UUID> ids = new ArrayList<>();
        JsonArray items = data.getJsonArray("items", new JsonArray());
        for (int i = 0; i < items.size(); i++) {
            JsonObject item = items.getJsonObject(i);
            if (person.equals(item.getString("personId"))) {
                ids.add(UUID.fromString(item.getString("id")));
            }
        }
        return ids;
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
