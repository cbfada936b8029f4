package io.dayuan.rooms.repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.platform.ApiException;
import io.dayuan.rooms.ServiceTask;
import io.dayuan.rooms.ServiceTaskStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ServiceTaskRepository implements PanacheRepositoryBase<ServiceTask, UUID> {

    @WithSession
    public Uni<ServiceTask> require(UUID id) {
        return findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("Service task", id));
    }

    @WithSession
    public Uni<List<ServiceTask>> ofBookings(Collection<UUID> bookingIds) {
        return bookingIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("bookingId in ?1", bookingIds);
    }

    /** A site's tasks due in [from, to), cancelled ones only when asked. */
    @WithSession
    public Uni<List<ServiceTask>> ofSite(UUID siteId, OffsetDateTime from, OffsetDateTime to, boolean cancelled) {
        return cancelled
                ? list("siteId = ?1 and dueAt >= ?2 and dueAt < ?3 order by dueAt, kind, id", siteId, from, to)
                : list("siteId = ?1 and dueAt >= ?2 and dueAt < ?3 and status <> ?4 order by dueAt, kind, id", siteId,
                        from, to, ServiceTaskStatus.CANCELLED);
    }

    /** Cancels the open tasks of the bookings. */
    public Uni<Integer> cancelOpen(Collection<UUID> bookingIds) {
        return bookingIds.isEmpty() ? Uni.createFrom().item(0)
                : update("status = ?1 where bookingId in ?2 and status = ?3", ServiceTaskStatus.CANCELLED, bookingIds,
                        ServiceTaskStatus.OPEN);
    }
}
