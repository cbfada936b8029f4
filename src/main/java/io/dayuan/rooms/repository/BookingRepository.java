package io.dayuan.rooms.repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.platform.ApiException;
import io.dayuan.platform.Batches;
import io.dayuan.platform.Cursor;
import io.dayuan.rooms.Booking;
import io.dayuan.rooms.BookingStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class BookingRepository implements PanacheRepositoryBase<Booking, UUID> {

    public static final List<BookingStatus> HOLDING = List.of(BookingStatus.PENDING, BookingStatus.CONFIRMED,
            BookingStatus.CHECKED_IN);
    /** What a schedule or a calendar shows: bookings that hold or held their room. */
    public static final List<BookingStatus> SHOWN = List.of(BookingStatus.PENDING, BookingStatus.CONFIRMED,
            BookingStatus.CHECKED_IN, BookingStatus.COMPLETED);

    @WithSession
    public Uni<Booking> require(UUID id) {
        return findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("Booking", id));
    }

    @WithSession
    public Uni<List<Booking>> inOrderOf(List<UUID> ids) {
        return Batches.inOrderOf(ids, wanted -> list("id in ?1", wanted));
    }

    /** Bookings holding the room at some time of [from, to), their cleanup time included. */
    @WithSession
    public Uni<List<Booking>> holdingBetween(UUID roomId, OffsetDateTime from, OffsetDateTime to) {
        return list("roomId = ?1 and status in ?2 and heldUntil > ?3 and startsAt < ?4 order by startsAt", roomId,
                HOLDING, from, to);
    }

    /** A room's schedule: bookings that hold or held it and overlap [from, to). */
    @WithSession
    public Uni<List<Booking>> schedule(UUID roomId, OffsetDateTime from, OffsetDateTime to) {
        return list("roomId = ?1 and status in ?2 and endsAt > ?3 and startsAt < ?4 order by startsAt, id", roomId,
                SHOWN, from, to);
    }

    /**
     * The organizer's bookings in start order, optionally overlapping [from, to), after a cursor (start, id), at most
     * {@code limit}.
     */
    @WithSession
    public Uni<List<Booking>> ofOrganizer(UUID organizerId, OffsetDateTime from, OffsetDateTime to,
            Cursor after, int limit) {
        StringBuilder where = new StringBuilder("organizerId = :organizer");
        Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("organizer", organizerId);
        if (from != null) {
            where.append(" and endsAt > :from");
            parameters.put("from", from);
        }
        if (to != null) {
            where.append(" and startsAt < :to");
            parameters.put("to", to);
        }
        if (after != null) {
            where.append(" and (startsAt > :afterStart or (startsAt = :afterStart and id > :afterId))");
            parameters.put("afterStart", after.at());
            parameters.put("afterId", after.id());
        }
        return find(where + " order by startsAt, id", parameters).page(0, limit).list();
    }

    /** Occurrences of a series from a start on (all when {@code from} is null) that are still pending or confirmed. */
    @WithSession
    public Uni<List<Booking>> openOccurrences(UUID seriesId, OffsetDateTime from) {
        List<BookingStatus> open = List.of(BookingStatus.PENDING, BookingStatus.CONFIRMED);
        return from == null ? list("seriesId = ?1 and status in ?2 order by startsAt", seriesId, open)
                : list("seriesId = ?1 and status in ?2 and startsAt >= ?3 order by startsAt", seriesId, open, from);
    }

    /** Bookings of the rooms starting in [from, to), any status: the utilisation report's material. */
    @WithSession
    public Uni<List<Booking>> startingBetween(Collection<UUID> roomIds, OffsetDateTime from, OffsetDateTime to) {
        if (roomIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("roomId in ?1 and startsAt < ?3 and endsAt > ?2", roomIds, from, to);
    }

    /** The person's bookings a calendar shows that end after {@code since}, in start order. */
    @WithSession
    public Uni<List<Booking>> forCalendar(UUID organizerId, OffsetDateTime since) {
        return list("organizerId = ?1 and status in ?2 and endsAt > ?3 order by startsAt", organizerId, SHOWN, since);
    }

    /** Checked-in bookings that ended by {@code now} are completed; inside the caller's transaction. */
    public Uni<Integer> completeEnded(OffsetDateTime now) {
        return update("status = ?1 where status = ?2 and endsAt <= ?3", BookingStatus.COMPLETED,
                BookingStatus.CHECKED_IN, now);
    }

    /**
     * Confirmed bookings whose check-in window closed by {@code now}, locked so that a job on another replica skips
     * them rather than releasing them twice.
     */
    public Uni<List<Booking>> lockNoShows(OffsetDateTime now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("select b.* from booking b"
                + " join room r on r.id = b.room_id where b.status = 'CONFIRMED'"
                + " and b.starts_at + make_interval(mins => r.check_in_after_minutes) <= :now"
                + " order by b.starts_at limit 500 for update of b skip locked", Booking.class)
                .setParameter("now", now).getResultList());
    }
}
