package io.dayuan.rooms.service;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.notifications.LocalizedText;
import io.dayuan.notifications.Notice;
import io.dayuan.notifications.service.Notifier;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Clock;
import io.dayuan.platform.Ids;
import io.dayuan.rooms.Booking;
import io.dayuan.rooms.BookingStatus;
import io.dayuan.rooms.Room;
import io.dayuan.rooms.ScheduleChange;
import io.dayuan.rooms.repository.BookingRepository;
import io.dayuan.rooms.repository.ServiceTaskRepository;
import io.dayuan.rooms.service.BookingEffects.Place;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** An admin approves or rejects a pending booking of a room that requires approval; the organizer is told. */
@ApplicationScoped
public class BookingDecisions {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    Clock clock;

    @Inject
    BookingRepository bookings;

    @Inject
    ServiceTaskRepository tasks;

    @Inject
    BookingEffects effects;

    @Inject
    Notifier notifier;

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
        String when = DAY.format(booking.startsAt.atZoneSameInstant(place.site().zone()));
        booking.status = BookingStatus.CONFIRMED;
        return notifier.notify(booking.organizerId, new Notice("BOOKING_APPROVED",
                new LocalizedText("会议室预定已批准", "Room booking approved"),
                new LocalizedText("您预定的「" + booking.title + "」（" + room.name + "，" + when + "）已获批准。",
                        "Your booking \"" + booking.title + "\" (" + room.name + ", " + when + ") is approved."),
                BookingEffects.link(booking)))
                .chain(() -> effects.remind(booking, place, clock.now()))
                .chain(() -> effects.publish(room.id, booking.id, ScheduleChange.APPROVED))
                .replaceWith(booking);
    }

    private Uni<Booking> reject(Booking booking, Place place, String reason) {
        Room room = place.room();
        String when = DAY.format(booking.startsAt.atZoneSameInstant(place.site().zone()));
        booking.status = BookingStatus.REJECTED;
        booking.rejectionReason = reason == null || reason.isBlank() ? null : reason.strip();
        String why = booking.rejectionReason == null ? "" : booking.rejectionReason;
        return notifier.notify(booking.organizerId, new Notice("BOOKING_REJECTED",
                new LocalizedText("会议室预定未获批准", "Room booking rejected"),
                new LocalizedText("您预定的「" + booking.title + "」（" + room.name + "，" + when + "）未获批准。"
                        + (why.isEmpty() ? "" : "原因：" + why),
                        "Your booking \"" + booking.title + "\" (" + room.name + ", " + when
                                + ") was rejected." + (why.isEmpty() ? "" : " Reason: " + why)),
                BookingEffects.link(booking)))
                .chain(() -> tasks.cancelOpen(List.of(booking.id)))
                .chain(() -> effects.publish(room.id, booking.id, ScheduleChange.REJECTED))
                .replaceWith(booking);
    }
}
