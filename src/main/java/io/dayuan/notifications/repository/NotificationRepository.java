package io.dayuan.notifications.repository;

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

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    @Inject
    Clock clock;

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

    /** The notifications of the given ids, in their order: the answer of a batch resolver. */
    @WithSession
    public Uni<List<Notification>> inOrderOf(List<UUID> ids) {
        return Batches.inOrderOf(ids, wanted -> list("id in ?1", wanted));
    }
}
