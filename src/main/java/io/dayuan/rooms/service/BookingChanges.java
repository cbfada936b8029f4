package io.dayuan.rooms.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.people.Caller;
import io.dayuan.people.Person;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Clock;
import io.dayuan.platform.Ids;
import io.dayuan.platform.Roles;
import io.dayuan.rooms.Booking;
import io.dayuan.rooms.BookingStatus;
import io.dayuan.rooms.CancelScope;
import io.dayuan.rooms.ScheduleChange;
import io.dayuan.rooms.repository.BookingRepository;
import io.dayuan.rooms.service.BookingEffects.Place;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The organizer (or an admin) cancels a booking or a series, or moves one occurrence. */
@ApplicationScoped
public class BookingChanges {

    @Inject
    Clock clock;

    @Inject
    BookingRepository bookings;

    @Inject
    BookingEffects effects;

    @Inject
    Caller caller;

    public Uni<Booking> cancel(String id, CancelScope scope) {
        UUID bookingId = Ids.parse("id", id);
        return organizerOrAdmin(bookingId, booking -> {
            if (booking.status != BookingStatus.PENDING && booking.status != BookingStatus.CONFIRMED) {
                throw ApiException.conflict("A booking that is " + booking.status + " cannot be cancelled");
            }
            return targets(booking, scope).chain(cancelled -> cancel(booking, cancelled));
        });
    }

    /** The booking alone, or the open occurrences of its series (all, or from this one on). */
    private Uni<List<Booking>> targets(Booking booking, CancelScope scope) {
        if (booking.seriesId == null || scope == null || scope == CancelScope.THIS) {
            return Uni.createFrom().item(List.of(booking));
        }
        return bookings.openOccurrences(booking.seriesId, scope == CancelScope.FOLLOWING ? booking.startsAt : null);
    }

    private Uni<Booking> cancel(Booking booking, List<Booking> cancelled) {
        cancelled.forEach(b -> b.status = BookingStatus.CANCELLED);
        return effects.withdraw(cancelled)
                .chain(() -> effects.publish(booking.roomId, booking.id, ScheduleChange.CANCELLED))
                .replaceWith(booking);
    }

    /** Moves one occurrence (or a single booking) to another time of the same room; the others stay as they are. */
    public Uni<Booking> move(String id, OffsetDateTime startsAt, OffsetDateTime endsAt) {
        UUID bookingId = Ids.parse("id", id);
        return organizerOrAdmin(bookingId, booking -> {
            if (booking.status != BookingStatus.PENDING && booking.status != BookingStatus.CONFIRMED) {
                throw ApiException.conflict("A booking that is " + booking.status + " cannot be moved");
            }
            return effects.place(booking.roomId).chain(place -> move(booking, place, startsAt, endsAt));
        });
    }

    private Uni<Booking> move(Booking booking, Place place, OffsetDateTime startsAt, OffsetDateTime endsAt) {
        OffsetDateTime now = clock.now();
        BookingService.checkSpan(place.room(), startsAt, endsAt, now);
        OffsetDateTime heldUntil = endsAt.plusMinutes(place.room().cleanupMinutes);
        return bookings.holdingBetween(place.room().id, startsAt, heldUntil).chain(existing -> {
            List<Booking> taken = existing.stream().filter(b -> !b.id.equals(booking.id)).toList();
            if (!taken.isEmpty()) {
                throw Clashes.taken(List.of(startsAt.atZoneSameInstant(place.site().zone()).toLocalDate().toString()),
                        taken.stream().map(b -> Clashes.span(b.startsAt, b.heldUntil, place.site().zone())).toList());
            }
            booking.startsAt = startsAt;
            booking.endsAt = endsAt;
            booking.heldUntil = heldUntil;
            return moved(booking, place, now);
        });
    }

    /** The moved booking's tasks fall due at its new times and its reminder is scheduled again. */
    private Uni<Booking> moved(Booking booking, Place place, OffsetDateTime now) {
        return effects.rescheduleTasks(booking)
                .chain(() -> effects.withdrawReminder(booking))
                .chain(() -> booking.status == BookingStatus.CONFIRMED ? effects.remind(booking, place, now)
                        : Uni.createFrom().voidItem())
                .chain(() -> bookings.flush())
                .chain(() -> effects.publish(place.room().id, booking.id, ScheduleChange.MOVED))
                .replaceWith(booking);
    }

    /** Runs the change in a transaction if the caller organized the booking or is an admin. */
    private Uni<Booking> organizerOrAdmin(UUID bookingId, ChangeOf change) {
        return caller.person().chain(person -> caller.hasRole(Roles.ADMIN)
                .chain(admin -> change(bookingId, person, admin, change)))
                .onFailure().transform(Clashes::explain);
    }

    @WithTransaction
    Uni<Booking> change(UUID bookingId, Person person, boolean admin, ChangeOf change) {
        return bookings.require(bookingId).chain(booking -> {
            if (!admin && !booking.organizerId.equals(person.id)) {
                throw ApiException.forbidden("Only the organizer or an admin may change a booking");
            }
            return change.apply(booking);
        });
    }

    @FunctionalInterface
    interface ChangeOf {
        Uni<Booking> apply(Booking booking);
    }
}
