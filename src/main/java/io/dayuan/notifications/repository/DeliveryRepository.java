package io.dayuan.notifications.repository;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.notifications.Delivery;
import io.dayuan.notifications.DeliveryStatus;
import io.dayuan.platform.Cursor;
import io.dayuan.platform.outbox.Mark;
import io.dayuan.platform.outbox.OutboxTable;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    /**
     * The deliveries as the delivery worker's outbox: due while pending and their notification not withdrawn; a
     * claim reads what sending takes (the notification's texts, the person's phone and DingTalk id).
     */
    public static final OutboxTable OUTBOX = OutboxTable.named("notification_delivery")
            .waiting("""
                    c.status = 'PENDING' AND NOT EXISTS (SELECT 1 FROM notification w WHERE w.id = c.notification_id
                                                         AND w.withdrawn_at IS NOT NULL)""")
            .reading("""
                    SELECT c.id, c.attempts, c.notification_id, c.person_id, c.channel, c.delivered_to,
                           n.kind, n.title, n.body, n.link, p.phone, p.dingtalk_user_id
                    FROM claimed c JOIN notification n ON n.id = c.notification_id JOIN person p ON p.id = c.person_id""")
            .parking(now -> Mark.of().sql("status = 'PARKED'"));

    /** Withdraws the pending deliveries of the notifications of a cause not yet due at {@code now}. */
    public Uni<Integer> withdrawPending(String cause, OffsetDateTime now) {
        return update("status = ?1 where status = ?2 and notificationId in (select n.id from Notification n "
                + "where n.cause = ?3 and n.withdrawnAt is null and n.deliverAt > ?4)", DeliveryStatus.WITHDRAWN,
                DeliveryStatus.PENDING, cause, now);
    }

    /** A page of deliveries of a status, newest first, one more than asked. */
    @WithSession
    public Uni<List<Delivery>> withStatus(DeliveryStatus status, Cursor after, int limit) {
        Map<String, Object> parameters = new HashMap<>(Map.of("status", status));
        String query = "status = :status";
        if (after != null) {
            query += " and (createdAt < :at or (createdAt = :at and id < :id))";
            parameters.put("at", after.at());
            parameters.put("id", after.id());
        }
        return find(query + " order by createdAt desc, id desc", parameters).range(0, limit).list();
    }
}
