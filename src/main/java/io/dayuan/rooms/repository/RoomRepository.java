package io.dayuan.rooms.repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.platform.ApiException;
import io.dayuan.platform.Batches;
import io.dayuan.rooms.Equipment;
import io.dayuan.rooms.Room;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RoomRepository implements PanacheRepositoryBase<Room, UUID> {

    /** The room, or {@code NOT_FOUND}. */
    @WithSession
    public Uni<Room> require(UUID id) {
        return findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("Room", id));
    }

    /** The rooms of the given ids, in their order: the answer of a batch resolver. */
    @WithSession
    public Uni<List<Room>> inOrderOf(List<UUID> ids) {
        return Batches.inOrderOf(ids, wanted -> list("id in ?1", wanted));
    }

    /** The rooms of the ids, in no order. */
    @WithSession
    public Uni<List<Room>> ofIds(Collection<UUID> ids) {
        return list("id in ?1", ids);
    }

    /** How many other rooms of the site (all when {@code except} is null) carry the name. */
    @WithSession
    public Uni<Long> named(UUID siteId, String name, UUID except) {
        return except == null ? count("siteId = ?1 and name = ?2", siteId, name)
                : count("siteId = ?1 and name = ?2 and id <> ?3", siteId, name, except);
    }

    @WithSession
    public Uni<List<Room>> listBySite(UUID siteId) {
        return list("siteId = ?1 order by name", siteId);
    }

    /**
     * Rooms with at least the capacity and all the equipment; with a span, only those that no holding booking
     * overlaps during the span plus the room's own cleanup time after it.
     */
    @WithSession
    public Uni<List<Room>> search(UUID siteId, int minCapacity, List<Equipment> equipment, OffsetDateTime freeFrom,
            OffsetDateTime freeTo) {
        StringBuilder sql = new StringBuilder("select r.* from room r where r.capacity >= :minCapacity");
        if (siteId != null) {
            sql.append(" and r.site_id = :siteId");
        }
        List<Equipment> wanted = equipment == null ? List.of() : equipment.stream().filter(java.util.Objects::nonNull).distinct().toList();
        for (int i = 0; i < wanted.size(); i++) {
            sql.append(" and :equipment").append(i).append(" = any(r.equipment)");
        }
        if (freeFrom != null) {
            sql.append(" and not exists (select 1 from booking b where b.room_id = r.id")
                    .append(" and b.status in ('PENDING', 'CONFIRMED', 'CHECKED_IN')")
                    .append(" and tstzrange(b.starts_at, b.held_until) && tstzrange(cast(:freeFrom as timestamptz),")
                    .append(" cast(:freeTo as timestamptz) + make_interval(mins => r.cleanup_minutes)))");
        }
        sql.append(" order by r.name, r.id");
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString(), Room.class).setParameter("minCapacity", minCapacity);
            if (siteId != null) {
                query.setParameter("siteId", siteId);
            }
            for (int i = 0; i < wanted.size(); i++) {
                query.setParameter("equipment" + i, wanted.get(i).name());
            }
            if (freeFrom != null) {
                query.setParameter("freeFrom", freeFrom).setParameter("freeTo", freeTo);
            }
            return query.getResultList();
        });
    }
}
