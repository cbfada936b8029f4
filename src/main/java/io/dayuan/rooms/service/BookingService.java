package io.dayuan.rooms.service;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

import io.dayuan.people.Caller;
import io.dayuan.people.Person;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Clock;
import io.dayuan.platform.Cursor;
import io.dayuan.platform.Ids;
import io.dayuan.platform.Page;
import io.dayuan.rooms.Booking;
import io.dayuan.rooms.BookingStatus;
import io.dayuan.rooms.CancelScope;
import io.dayuan.rooms.Frequency;
import io.dayuan.rooms.Room;
import io.dayuan.rooms.ScheduleChange;
import io.dayuan.rooms.ServiceKind;
import io.dayuan.rooms.repository.BookingRepository;
import io.dayuan.rooms.repository.RoomRepository;
import io.dayuan.rooms.service.BookingEffects.Place;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Bookings of meeting rooms: booking one or a series, and reading them. The database forbids overlaps (exclusion
 * constraint {@code booking_no_overlap}); the checks here only explain a clash better and list every clashing date
 * of a series. The other uses of a booking (changing, deciding, checking in) have their own classes; this one is
 * their single entry point.
 */
@ApplicationScoped
public class BookingService {

    @Description("How a booking repeats: every `interval` days or weeks, `count` times or until a date (at most one "
            + "year ahead)")
    public record Recurrence(@NotNull Frequency frequency, @Min(1) @Max(52) Integer interval,
            @Min(1) @Max(366) Integer count, LocalDate until) {
    }

    public record NewBooking(@NotNull @Id String roomId, @NotBlank @Size(max = 200) String title,
            @NotNull OffsetDateTime startsAt, @NotNull OffsetDateTime endsAt, @Positive Integer attendeeCount,
            List<ServiceKind> services, @Valid Recurrence recurrence,
            @Description("Book the occurrences that are free and return the others in skippedDates, instead of "
                    + "booking nothing") Boolean skipConflicts) {
    }

    /** One occurrence to book: its span and the room's cleanup after it. */
    record Occurrence(OffsetDateTime start, OffsetDateTime end, OffsetDateTime heldUntil, LocalDate date) {
    }

    /** The occurrences that clash with existing bookings (their dates and the spans taken), and the free ones. */
    private record Sorted(List<Occurrence> free, List<String> clashingDates, List<String> takenSpans) {
    }

    @Inject
    Clock clock;

    @Inject
    BookingRepository bookings;

    @Inject
    RoomRepository rooms;

    @Inject
    BookingEffects effects;

    @Inject
    BookingChanges changes;

    @Inject
    BookingDecisions decisions;

    @Inject
    CheckIns checkIns;

    @Inject
    Caller caller;

    // ---------------------------------------------------------------------------------------------------- booking

    public Uni<Booking> book(NewBooking input) {
        UUID roomId = Ids.parse("roomId", input.roomId());
        return caller.person().chain(organizer -> bookAt(input, organizer, roomId))
                .onFailure(Clashes::isExclusion).recoverWithUni(failure -> explainRace(input, roomId, failure));
    }

    @WithTransaction
    Uni<Booking> bookAt(NewBooking input, Person organizer, UUID roomId) {
        return effects.place(roomId).chain(place -> book(input, organizer, place));
    }

    /**
     * A concurrent booking won the race for the room after the checks: the database refused this one. Reads what
     * holds the room now, in a new session, to say which dates and times are taken.
     */
    @WithSession
    Uni<Booking> explainRace(NewBooking input, UUID roomId, Throwable failure) {
        return effects.place(roomId).chain(place -> {
            List<Occurrence> occurrences = occurrences(input, place.room(), place.site().zone(), clock.now());
            return holding(place.room(), occurrences).map(existing -> {
                Sorted sorted = sort(occurrences, existing, place.site().zone());
                if (sorted.clashingDates().isEmpty()) {
                    throw (RuntimeException) Clashes.explain(failure);
                }
                throw Clashes.taken(sorted.clashingDates(), sorted.takenSpans());
            });
        });
    }

    /** The bookings holding the room at some time of the occurrences' whole span. */
    private Uni<List<Booking>> holding(Room room, List<Occurrence> occurrences) {
        return bookings.holdingBetween(room.id, occurrences.get(0).start(),
                occurrences.get(occurrences.size() - 1).heldUntil());
    }

    /** Sorts the occurrences into free ones and those that clash with existing bookings. */
    private static Sorted sort(List<Occurrence> occurrences, List<Booking> existing, ZoneId zone) {
        Sorted sorted = new Sorted(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Occurrence occurrence : occurrences) {
            List<Booking> taken = existing.stream().filter(b -> b.startsAt.isBefore(occurrence.heldUntil())
                    && b.heldUntil.isAfter(occurrence.start())).toList();
            if (taken.isEmpty()) {
                sorted.free().add(occurrence);
            } else {
                sorted.clashingDates().add(occurrence.date().toString());
                taken.forEach(b -> sorted.takenSpans().add(Clashes.span(b.startsAt, b.heldUntil, zone)));
            }
        }
        return sorted;
    }

    private Uni<Booking> book(NewBooking input, Person organizer, Place place) {
        Room room = place.room();
        OffsetDateTime now = clock.now();
        checkSpan(room, input.startsAt(), input.endsAt(), now);
        if (input.attendeeCount() != null && input.attendeeCount() > room.capacity) {
            throw ApiException.validation("attendeeCount",
                    "attendeeCount is more than the room's " + room.capacity + " seats");
        }
        List<Occurrence> occurrences = occurrences(input, room, place.site().zone(), now);
        return holding(room, occurrences).chain(existing -> {
            Sorted sorted = sort(occurrences, existing, place.site().zone());
            if (!sorted.clashingDates().isEmpty()
                    && (!Boolean.TRUE.equals(input.skipConflicts()) || sorted.free().isEmpty())) {
                throw Clashes.taken(sorted.clashingDates(), sorted.takenSpans());
            }
            List<Booking> created = bookings(input, organizer, room, sorted.free());
            return persist(created, place, now).map(first -> {
                first.skippedDates = sorted.clashingDates().stream().map(LocalDate::parse).toList();
                return first;
            });
        });
    }

    /** The bookings of the free occurrences, all of one series when the booking repeats. */
    private static List<Booking> bookings(NewBooking input, Person organizer, Room room, List<Occurrence> free) {
        UUID seriesId = input.recurrence() == null ? null : UUID.randomUUID();
        BookingStatus status = room.requiresApproval ? BookingStatus.PENDING : BookingStatus.CONFIRMED;
        List<ServiceKind> services = input.services() == null ? List.of()
                : input.services().stream().filter(Objects::nonNull).distinct().toList();
        return free.stream().map(occurrence -> {
            Booking booking = new Booking();
            booking.roomId = room.id;
            booking.organizerId = organizer.id;
            booking.seriesId = seriesId;
            booking.title = input.title().strip();
            booking.startsAt = occurrence.start();
            booking.endsAt = occurrence.end();
            booking.heldUntil = occurrence.heldUntil();
            booking.attendeeCount = input.attendeeCount();
            booking.services = services;
            booking.status = status;
            return booking;
        }).toList();
    }

    /** Stores the bookings with their tasks and reminders, tells the schedule and, when pending, the admins. */
    private Uni<Booking> persist(List<Booking> created, Place place, OffsetDateTime now) {
        Booking first = created.get(0);
        boolean pending = first.status == BookingStatus.PENDING;
        return BookingEffects.each(created, booking -> persist(booking, place, now))
                .chain(() -> bookings.flush())
                .chain(() -> effects.publish(place.room().id, first.id, ScheduleChange.BOOKED))
                .chain(() -> pending ? effects.tellAdmins(place,
                        RoomTexts.pending(first, place.room(), place.site().zone(), created.size()))
                        : Uni.createFrom().voidItem())
                .replaceWith(first);
    }

    private Uni<Void> persist(Booking booking, Place place, OffsetDateTime now) {
        return bookings.persist(booking)
                .chain(() -> effects.createTasks(booking, place.room()))
                .chain(() -> booking.status == BookingStatus.CONFIRMED ? effects.remind(booking, place, now)
                        : Uni.createFrom().voidItem());
    }

    /** End after start, start not past and within the room's horizon, not longer than the room allows. */
    static void checkSpan(Room room, OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime now) {
        if (!endsAt.isAfter(startsAt)) {
            throw ApiException.validation("endsAt", "endsAt must be after startsAt");
        }
        if (startsAt.isBefore(now)) {
            throw ApiException.validation("startsAt", "startsAt must not be in the past");
        }
        if (startsAt.isAfter(now.plusDays(room.horizonDays))) {
            throw ApiException.validation("startsAt",
                    "startsAt is beyond the room's booking horizon of " + room.horizonDays + " days");
        }
        if (Duration.between(startsAt, endsAt).toMinutes() > room.maxBookingMinutes) {
            throw ApiException.validation("endsAt",
                    "The booking is longer than the room's limit of " + room.maxBookingMinutes + " minutes");
        }
    }

    /** The occurrences of the booking: one, or those of its recurrence, read in the site's time zone. */
    static List<Occurrence> occurrences(NewBooking input, Room room, ZoneId zone, OffsetDateTime now) {
        Duration length = Duration.between(input.startsAt(), input.endsAt());
        ZonedDateTime first = input.startsAt().atZoneSameInstant(zone);
        Recurrence recurrence = input.recurrence();
        if (recurrence == null) {
            return List.of(occurrence(first, length, room));
        }
        if (recurrence.count() == null && recurrence.until() == null) {
            throw ApiException.validation("recurrence.count", "A recurrence ends after a count or on a date");
        }
        if (recurrence.count() != null && recurrence.until() != null) {
            throw ApiException.validation("recurrence.until", "Give either count or until, not both");
        }
        LocalDate limit = now.atZoneSameInstant(zone).toLocalDate().plusYears(1);
        if (recurrence.until() != null && recurrence.until().isBefore(first.toLocalDate())) {
            throw ApiException.validation("recurrence.until", "until is before the first occurrence");
        }
        if (recurrence.until() != null && recurrence.until().isAfter(limit)) {
            throw ApiException.validation("recurrence.until", "until is more than one year ahead");
        }
        int interval = recurrence.interval() == null ? 1 : recurrence.interval();
        Period step = recurrence.frequency() == Frequency.DAILY ? Period.ofDays(interval) : Period.ofWeeks(interval);
        if (length.plusMinutes(room.cleanupMinutes).compareTo(Duration.ofDays(step.getDays())) > 0) {
            throw ApiException.validation("recurrence.interval",
                    "Occurrences this close would overlap each other, cleanup time included");
        }
        List<Occurrence> occurrences = new ArrayList<>();
        for (int n = 0;; n++) {
            ZonedDateTime start = first.plus(step.multipliedBy(n));
            if (recurrence.count() != null && n >= recurrence.count()
                    || recurrence.until() != null && start.toLocalDate().isAfter(recurrence.until())) {
                return occurrences;
            }
            if (start.toLocalDate().isAfter(limit)) {
                throw ApiException.validation("recurrence.count", "The series reaches more than one year ahead");
            }
            occurrences.add(occurrence(start, length, room));
        }
    }

    private static Occurrence occurrence(ZonedDateTime start, Duration length, Room room) {
        OffsetDateTime from = start.toOffsetDateTime();
        OffsetDateTime end = from.plus(length);
        return new Occurrence(from, end, end.plusMinutes(room.cleanupMinutes), start.toLocalDate());
    }

    // ------------------------------------------------------------------------- changing, deciding, checking in

    public Uni<Booking> cancel(String id, CancelScope scope) {
        return changes.cancel(id, scope);
    }

    /** Moves one occurrence (or a single booking) to another time of the same room; the others stay as they are. */
    public Uni<Booking> move(String id, OffsetDateTime startsAt, OffsetDateTime endsAt) {
        return changes.move(id, startsAt, endsAt);
    }

    public Uni<Booking> approve(String id) {
        return decisions.approve(id);
    }

    public Uni<Booking> reject(String id, String reason) {
        return decisions.reject(id, reason);
    }

    /** The organizer checks in within the room's window, with the room's door code when the app scanned it. */
    public Uni<Booking> checkIn(String id, String doorCode) {
        return checkIns.checkIn(id, doorCode);
    }

    /** Releases the no-shows whose check-in window closed by {@code now}; see {@link CheckIns#releaseNoShows}. */
    public Uni<Integer> releaseNoShows(OffsetDateTime now) {
        return checkIns.releaseNoShows(now);
    }

    // --------------------------------------------------------------------------------------------------- reading

    public Uni<List<Booking>> schedule(String roomId, OffsetDateTime from, OffsetDateTime to) {
        UUID room = Ids.parse("roomId", roomId);
        if (!to.isAfter(from)) {
            throw ApiException.validation("to", "to must be after from");
        }
        if (Duration.between(from, to).toDays() > 31) {
            throw ApiException.validation("to", "A schedule spans at most 31 days");
        }
        return schedule(room, from, to);
    }

    /** In one session; the bookings first: a room with bookings exists, so only an empty schedule asks for it. */
    @WithSession
    Uni<List<Booking>> schedule(UUID room, OffsetDateTime from, OffsetDateTime to) {
        return bookings.schedule(room, from, to).chain(found -> found.isEmpty()
                ? rooms.require(room).replaceWith(found) : Uni.createFrom().item(found));
    }

    public Uni<List<Booking>> mine(OffsetDateTime from, OffsetDateTime to, Integer first, String after) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw ApiException.validation("to", "to must be after from");
        }
        int limit = Page.Size.MEDIUM.of("first", first);
        Cursor cursor = Cursor.decode("after", after);
        return caller.person().chain(person -> bookings.ofOrganizer(person.id, from, to, cursor, limit));
    }
}
