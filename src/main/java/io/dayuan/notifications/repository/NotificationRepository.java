package io.dayuan.notifications.repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.notifications.Notification;
import io.dayuan.platform.Batches;
import io.dayuan.platform.Clock;
import io.dayuan.platform.Cursor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    @Inject
    Clock clock;

    @Inject
    Pool pool;

    /** What is in a person's inbox: due and not withdrawn. */
    private static final String IN_INBOX = "personId = :person and withdrawnAt is null and deliverAt <= :now";

    /** A page of the person's inbox, newest first, one more than asked to tell whether more follow. */
    @WithSession
    public Uni<List<Notification>> inbox(UUID personId, boolean unreadOnly, Cursor after, int limit) {
        StringBuilder query = new StringBuilder(IN_INBOX);
        Map<String, Object> parameters = new java.util.HashMap<>(Map.of("person", personId, "now", clock.now()));
        if (unreadOnly) {
            query.append(" and readAt is null");
        }
        if (after != null) {
            query.append(" and (deliverAt < :at or (deliverAt = :at and id < :id))");
            parameters.put("at", after.at());
            parameters.put("id", after.id());
        }
        query.append(" order by deliverAt desc, id desc");
        return find(query.toString(), parameters).range(0, limit).list();
    }

    @WithSession
    public Uni<Long> unreadCount(UUID personId) {
        return count(IN_INBOX + " and readAt is null", Map.of("person", personId, "now", clock.now()));
    }

    /** The notifications of the ids that are in the person's inbox. */
    @WithSession
    public Uni<List<Notification>> inInbox(UUID personId, Collection<UUID> ids) {
        return list(IN_INBOX + " and id in :ids", Map.of("person", personId, "now", clock.now(), "ids", ids));
    }

    /** Marks everything in the person's inbox read at {@code now}; how many were unread. */
    public Uni<Integer> markAllRead(UUID personId, OffsetDateTime now) {
        return update("readAt = ?1 where personId = ?2 and readAt is null and withdrawnAt is null and deliverAt <= ?1",
                now, personId);
    }

    /** Withdraws the notifications of a cause not yet due at {@code now}; how many. */
    public Uni<Integer> withdrawScheduled(String cause, OffsetDateTime now) {
        return update("withdrawnAt = ?1 where cause = ?2 and withdrawnAt is null and deliverAt > ?1", now, cause);
    }

    /** The person's notification unless it was withdrawn (null then), over the pool: the live feed has no session. */
    public Uni<Notification> liveOutsideSession(UUID personId, UUID id) {
        return pool.preparedQuery("SELECT id, person_id, kind, title, body, link, deliver_at, read_at FROM notification "
                + "WHERE id = $1 AND person_id = $2 AND withdrawn_at IS NULL")
                .execute(Tuple.of(id, personId)).map(NotificationRepository::first);
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

    /** The notifications of the given ids, in their order: the answer of a batch resolver. */
    @WithSession
    public Uni<List<Notification>> inOrderOf(List<UUID> ids) {
        return Batches.inOrderOf(ids, wanted -> list("id in ?1", wanted));
    }
}
