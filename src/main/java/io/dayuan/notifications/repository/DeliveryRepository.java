package io.dayuan.notifications.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.notifications.Delivery;
import io.dayuan.notifications.DeliveryStatus;
import io.dayuan.platform.Cursor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

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
