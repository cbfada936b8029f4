package io.dayuan.rooms.service;

import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.platform.ApiException;
import io.dayuan.platform.Clock;
import io.dayuan.platform.Ids;
import io.dayuan.rooms.Booking;
import io.dayuan.rooms.BookingStatus;
import io.dayuan.rooms.Room;
import io.dayuan.rooms.ScheduleChange;
import io.dayuan.rooms.repository.BookingRepository;
import io.dayuan.rooms.service.BookingEffects.Place;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** An admin approves or rejects a pending booking of a room that requires approval; the organizer is told. */
@ApplicationScoped
public class BookingDecisions {

    @Inject
    Clock clock;

    @Inject
    BookingRepository bookings;

    @Inject
    BookingEffects effects;


    public Uni<Booking> approve(String id) {
        UUID bookingId = Ids.parse("id", id);
        return decide(bookingId, (booking, place) -> approve(booking, place));
    }

    public Uni<Booking> reject(String id, String reason) {
        UUID bookingId = Ids.parse("id", id);
        return decide(bookingId, (booking, place) -> reject(booking, place, reason));
    }

    /** The decision on a pending booking (CONFLICT for any other), in one transaction. */
    @WithTransaction
    Uni<Booking> decide(UUID bookingId, BiFunction<Booking, Place, Uni<Booking>> decision) {
        return bookings.require(bookingId).invoke(booking -> {
            if (booking.status != BookingStatus.PENDING) {
                throw ApiException.conflict("Only a pending booking can be approved or rejected; this one is "
                        + booking.status);
            }
        }).chain(booking -> effects.place(booking.roomId).chain(place -> decision.apply(booking, place)));
    }

    private Uni<Booking> approve(Booking booking, Place place) {
        Room room = place.room();
        booking.status = BookingStatus.CONFIRMED;
        return effects.tellOrganizer(booking, RoomTexts.approved(booking, room, place.site().zone()))
                .chain(() -> effects.remind(booking, place, clock.now()))
                .chain(() -> effects.publish(room.id, booking.id, ScheduleChange.APPROVED))
                .replaceWith(booking);
    }

    private Uni<Booking> reject(Booking booking, Place place, String reason) {
        Room room = place.room();
        booking.status = BookingStatus.REJECTED;
        booking.rejectionReason = reason == null || reason.isBlank() ? null : reason.strip();
        return effects.tellOrganizer(booking, RoomTexts.rejected(booking, room, place.site().zone()))
                .chain(() -> effects.cancelTasks(List.of(booking)))
                .chain(() -> effects.publish(room.id, booking.id, ScheduleChange.REJECTED))
                .replaceWith(booking);
    }
}
