package io.dayuan.rooms.service;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.people.Caller;
import io.dayuan.people.Person;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Clock;
import io.dayuan.platform.Ids;
import io.dayuan.rooms.Booking;
import io.dayuan.rooms.BookingStatus;
import io.dayuan.rooms.Room;
import io.dayuan.rooms.ScheduleChange;
import io.dayuan.rooms.repository.BookingRepository;
import io.dayuan.rooms.repository.RoomRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The organizer checks in at the room; bookings nobody checked in for are released, finished ones completed. */
@ApplicationScoped
public class CheckIns {

    @Inject
    Clock clock;

    @Inject
    BookingRepository bookings;

    @Inject
    RoomRepository rooms;

    @Inject
    BookingEffects effects;

    @Inject
    Caller caller;

    /** The organizer checks in within the room's window, with the room's door code when the app scanned it. */
    public Uni<Booking> checkIn(String id, String doorCode) {
        UUID bookingId = Ids.parse("id", id);
        return caller.person().chain(person -> checkIn(bookingId, person, doorCode));
    }

    @WithTransaction
    Uni<Booking> checkIn(UUID bookingId, Person person, String doorCode) {
        return bookings.require(bookingId).chain(booking -> {
            if (!booking.organizerId.equals(person.id)) {
                throw ApiException.forbidden("Only the organizer checks in");
            }
            return rooms.require(booking.roomId).chain(room -> checkIn(booking, room, doorCode));
        });
    }

    private Uni<Booking> checkIn(Booking booking, Room room, String doorCode) {
        if (doorCode != null && !doorCode.equals(room.doorCode)) {
            throw ApiException.validation("doorCode", "doorCode is not the code of the booked room");
        }
        if (booking.status != BookingStatus.CONFIRMED) {
            throw ApiException.conflict("A booking that is " + booking.status + " cannot be checked in");
        }
        OffsetDateTime now = clock.now();
        OffsetDateTime opens = booking.startsAt.minusMinutes(room.checkInBeforeMinutes);
        OffsetDateTime closes = booking.startsAt.plusMinutes(room.checkInAfterMinutes);
        if (now.isBefore(opens) || now.isAfter(closes)) {
            throw ApiException.conflict("Check-in is open from " + opens + " until " + closes);
        }
        booking.status = BookingStatus.CHECKED_IN;
        booking.checkedInAt = now;
        return effects.withdrawReminder(booking)
                .chain(() -> effects.publish(room.id, booking.id, ScheduleChange.CHECKED_IN))
                .replaceWith(booking);
    }

    /**
     * Releases confirmed bookings whose check-in window closed by {@code now} (safe when run on several replicas at
     * once: rows are locked and skipped), and completes checked-in bookings that ended. Returns how many were
     * released.
     */
    @WithTransaction
    public Uni<Integer> releaseNoShows(OffsetDateTime now) {
        return bookings.lockNoShows(now).chain(noShows -> {
            noShows.forEach(b -> b.status = BookingStatus.RELEASED);
            return effects.cancelTasks(noShows)
                    .chain(() -> BookingEffects.each(noShows, this::released))
                    .chain(() -> bookings.completeEnded(now))
                    .map(ignored -> noShows.size());
        });
    }

    /** The released booking's reminder is withdrawn and its organizer told. */
    private Uni<Void> released(Booking booking) {
        return effects.withdrawReminder(booking)
                .chain(() -> effects.tellOrganizer(booking, RoomTexts.released(booking)))
                .chain(() -> effects.publish(booking.roomId, booking.id, ScheduleChange.RELEASED));
    }
}
