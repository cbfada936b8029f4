package io.dayuan.rooms.service;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

import io.dayuan.notifications.LocalizedText;
import io.dayuan.notifications.Notice;
import io.dayuan.notifications.service.Notifier;
import io.dayuan.people.Caller;
import io.dayuan.people.Person;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Clock;
import io.dayuan.platform.Cursor;
import io.dayuan.platform.Ids;
import io.dayuan.platform.Page;
import io.dayuan.platform.Roles;
import io.dayuan.platform.events.Events;
import io.dayuan.rooms.Booking;
import io.dayuan.rooms.BookingStatus;
import io.dayuan.rooms.CancelScope;
import io.dayuan.rooms.Frequency;
import io.dayuan.rooms.Room;
import io.dayuan.rooms.RoomScheduleChanged;
import io.dayuan.rooms.ScheduleChange;
import io.dayuan.rooms.ServiceKind;
import io.dayuan.rooms.ServiceTask;
import io.dayuan.rooms.ServiceTaskStatus;
import io.dayuan.rooms.repository.BookingRepository;
import io.dayuan.rooms.repository.RoomRepository;
import io.dayuan.rooms.repository.ServiceTaskRepository;
import io.dayuan.sites.Site;
import io.dayuan.sites.repository.SiteRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Bookings of meeting rooms. The database forbids overlaps (exclusion constraint {@code booking_no_overlap}); the
 * checks here only explain a clash better and list every clashing date of a series.
 */
@ApplicationScoped
public class BookingService {

    @Inject
    Clock clock;

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

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

    @Inject
    BookingRepository bookings;

    @Inject
    RoomRepository rooms;

    @Inject
    SiteRepository sites;

    @Inject
    ServiceTaskRepository tasks;

    @Inject
    Notifier notifier;

    @Inject
    Events events;

    @Inject
    Caller caller;

    @ConfigProperty(name = "dayuan.rooms.reminder-minutes", defaultValue = "15")
    int reminderMinutes;

    @ConfigProperty(name = "dayuan.rooms.service-lead-minutes", defaultValue = "30")
    int serviceLeadMinutes;

    // ---------------------------------------------------------------------------------------------------- booking

    public Uni<Booking> book(NewBooking input) {
        UUID roomId = Ids.parse("roomId", input.roomId());
        return caller.person().chain(organizer -> Panache.withTransaction(() -> rooms.require(roomId)
                .chain(room -> sites.findById(room.siteId).chain(site -> book(input, organizer, room, site)))))
                .onFailure(Clashes::isExclusion).recoverWithUni(failure -> explainRace(input, roomId, failure));
    }

    /**
     * A concurrent booking won the race for the room after the checks: the database refused this one. Reads what
     * holds the room now, in a new session, to say which dates and times are taken.
     */
    private Uni<Booking> explainRace(NewBooking input, UUID roomId, Throwable failure) {
        return Panache.withSession(() -> rooms.require(roomId).chain(room -> sites.findById(room.siteId)
                .chain(site -> {
                    List<Occurrence> occurrences = occurrences(input, room, site.zone(), clock.now());
                    return bookings.holdingBetween(room.id, occurrences.get(0).start(),
                            occurrences.get(occurrences.size() - 1).heldUntil()).map(existing -> {
                                List<String> dates = new ArrayList<>();
                                List<String> spans = new ArrayList<>();
                                clashes(occurrences, existing, site.zone(), dates, spans);
                                if (dates.isEmpty()) {
                                    throw (RuntimeException) Clashes.explain(failure);
                                }
                                throw Clashes.taken(dates, spans);
                            });
                })));
    }

    /** Collects the occurrences that clash with existing bookings; returns the free ones. */
    private static List<Occurrence> clashes(List<Occurrence> occurrences, List<Booking> existing, ZoneId zone,
            List<String> clashingDates, List<String> takenSpans) {
        List<Occurrence> free = new ArrayList<>();
        for (Occurrence occurrence : occurrences) {
            List<Booking> taken = existing.stream().filter(b -> b.startsAt.isBefore(occurrence.heldUntil())
                    && b.heldUntil.isAfter(occurrence.start())).toList();
            if (taken.isEmpty()) {
                free.add(occurrence);
            } else {
                clashingDates.add(occurrence.date().toString());
                taken.forEach(b -> takenSpans.add(Clashes.span(b.startsAt, b.heldUntil, zone)));
            }
        }
        return free;
    }

    private Uni<Booking> book(NewBooking input, Person organizer, Room room, Site site) {
        OffsetDateTime now = clock.now();
        checkSpan(room, input.startsAt(), input.endsAt(), now);
        if (input.attendeeCount() != null && input.attendeeCount() > room.capacity) {
            throw ApiException.validation("attendeeCount",
                    "attendeeCount is more than the room's " + room.capacity + " seats");
        }
        List<Occurrence> occurrences = occurrences(input, room, site.zone(), now);
        OffsetDateTime from = occurrences.get(0).start();
        OffsetDateTime to = occurrences.get(occurrences.size() - 1).heldUntil();
        return bookings.holdingBetween(room.id, from, to).chain(existing -> {
            List<String> clashingDates = new ArrayList<>();
            List<String> takenSpans = new ArrayList<>();
            List<Occurrence> free = clashes(occurrences, existing, site.zone(), clashingDates, takenSpans);
            if (!clashingDates.isEmpty() && (!Boolean.TRUE.equals(input.skipConflicts()) || free.isEmpty())) {
                throw Clashes.taken(clashingDates, takenSpans);
            }
            UUID seriesId = input.recurrence() == null ? null : UUID.randomUUID();
            BookingStatus status = room.requiresApproval ? BookingStatus.PENDING : BookingStatus.CONFIRMED;
            List<ServiceKind> services = input.services() == null ? List.of()
                    : input.services().stream().filter(java.util.Objects::nonNull).distinct().toList();
            List<Booking> created = free.stream().map(occurrence -> {
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
            Booking first = created.get(0);
            return each(created, booking -> bookings.persist(booking)
                    .chain(() -> createTasks(booking, room))
                    .chain(() -> status == BookingStatus.CONFIRMED ? remind(booking, room, site, now)
                            : Uni.createFrom().voidItem()))
                    .chain(() -> bookings.flush())
                    .chain(() -> publish(room.id, first.id, ScheduleChange.BOOKED))
                    .chain(() -> status == BookingStatus.PENDING
                            ? notifier.notifyRole(Roles.ADMIN, site.id, pendingNotice(first, room, site, created.size()))
                            : Uni.createFrom().voidItem())
                    .map(ignored -> {
                        first.skippedDates = clashingDates.stream().map(LocalDate::parse).toList();
                        return first;
                    });
        });
    }

    /** End after start, start not past and within the room's horizon, not longer than the room allows. */
    private static void checkSpan(Room room, OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime now) {
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

    // ------------------------------------------------------------------------------------------- changing bookings

    public Uni<Booking> cancel(String id, CancelScope scope) {
        UUID bookingId = Ids.parse("id", id);
        return organizerOrAdmin(bookingId, (booking, person) -> {
            if (booking.status != BookingStatus.PENDING && booking.status != BookingStatus.CONFIRMED) {
                throw ApiException.conflict("A booking that is " + booking.status + " cannot be cancelled");
            }
            Uni<List<Booking>> targets = booking.seriesId == null || scope == null || scope == CancelScope.THIS
                    ? Uni.createFrom().item(List.of(booking))
                    : bookings.openOccurrences(booking.seriesId,
                            scope == CancelScope.FOLLOWING ? booking.startsAt : null);
            return targets.chain(cancelled -> {
                cancelled.forEach(b -> b.status = BookingStatus.CANCELLED);
                return tasks.cancelOpen(cancelled.stream().map(b -> b.id).toList())
                        .chain(() -> each(cancelled, b -> notifier.withdraw(cause(b))))
                        .chain(() -> publish(booking.roomId, booking.id, ScheduleChange.CANCELLED))
                        .replaceWith(booking);
            });
        });
    }

    /** Moves one occurrence (or a single booking) to another time of the same room; the others stay as they are. */
    public Uni<Booking> move(String id, OffsetDateTime startsAt, OffsetDateTime endsAt) {
        UUID bookingId = Ids.parse("id", id);
        return organizerOrAdmin(bookingId, (booking, person) -> {
            if (booking.status != BookingStatus.PENDING && booking.status != BookingStatus.CONFIRMED) {
                throw ApiException.conflict("A booking that is " + booking.status + " cannot be moved");
            }
            return rooms.require(booking.roomId).chain(room -> sites.findById(room.siteId).chain(site -> {
                OffsetDateTime now = clock.now();
                checkSpan(room, startsAt, endsAt, now);
                OffsetDateTime heldUntil = endsAt.plusMinutes(room.cleanupMinutes);
                return bookings.holdingBetween(room.id, startsAt, heldUntil).chain(existing -> {
                    List<Booking> taken = existing.stream().filter(b -> !b.id.equals(booking.id)).toList();
                    if (!taken.isEmpty()) {
                        throw Clashes.taken(
                                List.of(startsAt.atZoneSameInstant(site.zone()).toLocalDate().toString()),
                                taken.stream().map(b -> Clashes.span(b.startsAt, b.heldUntil, site.zone())).toList());
                    }
                    booking.startsAt = startsAt;
                    booking.endsAt = endsAt;
                    booking.heldUntil = heldUntil;
                    return tasks.ofBookings(List.of(booking.id))
                            .invoke(found -> found.stream().filter(t -> t.status == ServiceTaskStatus.OPEN)
                                    .forEach(t -> t.dueAt = dueAt(t.kind, booking)))
                            .chain(() -> notifier.withdraw(cause(booking)))
                            .chain(() -> booking.status == BookingStatus.CONFIRMED ? remind(booking, room, site, now)
                                    : Uni.createFrom().voidItem())
                            .chain(() -> bookings.flush())
                            .chain(() -> publish(room.id, booking.id, ScheduleChange.MOVED))
                            .replaceWith(booking);
                });
            }));
        });
    }

    public Uni<Booking> approve(String id) {
        return decide(id, null, true);
    }

    public Uni<Booking> reject(String id, String reason) {
        return decide(id, reason, false);
    }

    private Uni<Booking> decide(String id, String reason, boolean approved) {
        UUID bookingId = Ids.parse("id", id);
        return Panache.withTransaction(() -> bookings.require(bookingId).chain(booking -> {
            if (booking.status != BookingStatus.PENDING) {
                throw ApiException.conflict("Only a pending booking can be approved or rejected; this one is "
                        + booking.status);
            }
            return rooms.require(booking.roomId).chain(room -> sites.findById(room.siteId).chain(site -> {
                String when = DAY.format(booking.startsAt.atZoneSameInstant(site.zone()));
                if (approved) {
                    booking.status = BookingStatus.CONFIRMED;
                    return notifier.notify(booking.organizerId, new Notice("BOOKING_APPROVED",
                            new LocalizedText("会议室预定已批准", "Room booking approved"),
                            new LocalizedText("您预定的「" + booking.title + "」（" + room.name + "，" + when + "）已获批准。",
                                    "Your booking \"" + booking.title + "\" (" + room.name + ", " + when
                                            + ") is approved."),
                            link(booking)))
                            .chain(() -> remind(booking, room, site, clock.now()))
                            .chain(() -> publish(room.id, booking.id, ScheduleChange.APPROVED))
                            .replaceWith(booking);
                }
                booking.status = BookingStatus.REJECTED;
                booking.rejectionReason = reason == null || reason.isBlank() ? null : reason.strip();
                String why = booking.rejectionReason == null ? "" : booking.rejectionReason;
                return notifier.notify(booking.organizerId, new Notice("BOOKING_REJECTED",
                        new LocalizedText("会议室预定未获批准", "Room booking rejected"),
                        new LocalizedText("您预定的「" + booking.title + "」（" + room.name + "，" + when + "）未获批准。"
                                + (why.isEmpty() ? "" : "原因：" + why),
                                "Your booking \"" + booking.title + "\" (" + room.name + ", " + when
                                        + ") was rejected." + (why.isEmpty() ? "" : " Reason: " + why)),
                        link(booking)))
                        .chain(() -> tasks.cancelOpen(List.of(booking.id)))
                        .chain(() -> publish(room.id, booking.id, ScheduleChange.REJECTED))
                        .replaceWith(booking);
            }));
        }));
    }

    /** The organizer checks in within the room's window, with the room's door code when the app scanned it. */
    public Uni<Booking> checkIn(String id, String doorCode) {
        UUID bookingId = Ids.parse("id", id);
        return caller.person().chain(person -> Panache.withTransaction(() -> bookings.require(bookingId)
                .chain(booking -> {
                    if (!booking.organizerId.equals(person.id)) {
                        throw ApiException.forbidden("Only the organizer checks in");
                    }
                    return rooms.require(booking.roomId).chain(room -> {
                        if (doorCode != null && !doorCode.equals(room.doorCode)) {
                            throw ApiException.validation("doorCode", "doorCode is not the code of the booked room");
                        }
                        if (booking.status != BookingStatus.CONFIRMED) {
                            throw ApiException.conflict("A booking that is " + booking.status
                                    + " cannot be checked in");
                        }
                        OffsetDateTime now = clock.now();
                        OffsetDateTime opens = booking.startsAt.minusMinutes(room.checkInBeforeMinutes);
                        OffsetDateTime closes = booking.startsAt.plusMinutes(room.checkInAfterMinutes);
                        if (now.isBefore(opens) || now.isAfter(closes)) {
                            throw ApiException.conflict("Check-in is open from " + opens + " until " + closes);
                        }
                        booking.status = BookingStatus.CHECKED_IN;
                        booking.checkedInAt = now;
                        return notifier.withdraw(cause(booking))
                                .chain(() -> publish(room.id, booking.id, ScheduleChange.CHECKED_IN))
                                .replaceWith(booking);
                    });
                })));
    }

    /**
     * Releases confirmed bookings whose check-in window closed by {@code now} (safe when run on several replicas at
     * once: rows are locked and skipped), and completes checked-in bookings that ended. Returns how many were
     * released.
     */
    public Uni<Integer> releaseNoShows(OffsetDateTime now) {
        return Panache.withTransaction(() -> bookings.lockNoShows(now).chain(noShows -> {
            noShows.forEach(b -> b.status = BookingStatus.RELEASED);
            return tasks.cancelOpen(noShows.stream().map(b -> b.id).toList())
                    .chain(() -> each(noShows, b -> notifier.withdraw(cause(b))
                            .chain(() -> notifier.notify(b.organizerId, new Notice("BOOKING_RELEASED",
                                    new LocalizedText("会议室已释放", "Room released"),
                                    new LocalizedText("「" + b.title + "」未在规定时间内签到，会议室已释放。",
                                            "Nobody checked in for \"" + b.title + "\": the room was released."),
                                    link(b))))
                            .chain(() -> publish(b.roomId, b.id, ScheduleChange.RELEASED))))
                    .chain(() -> bookings.update("status = ?1 where status = ?2 and endsAt <= ?3",
                            BookingStatus.COMPLETED, BookingStatus.CHECKED_IN, now))
                    .map(ignored -> noShows.size());
        }));
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
        // one session; the bookings first: a room with bookings exists, so only an empty schedule asks for the room
        return Panache.withSession(() -> bookings.schedule(room, from, to).chain(found -> found.isEmpty()
                ? rooms.require(room).replaceWith(found) : Uni.createFrom().item(found)));
    }

    public Uni<List<Booking>> mine(OffsetDateTime from, OffsetDateTime to, Integer first, String after) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw ApiException.validation("to", "to must be after from");
        }
        int limit = Page.size("first", first, 50, 200);
        Cursor cursor = Cursor.decode("after", after);
        return caller.person().chain(person -> bookings.ofOrganizer(person.id, from, to, cursor, limit));
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /** Runs the change in a transaction if the caller organized the booking or is an admin. */
    private Uni<Booking> organizerOrAdmin(UUID bookingId, ChangeOf change) {
        return caller.person().chain(person -> caller.hasRole(Roles.ADMIN).chain(admin -> Panache.withTransaction(
                () -> bookings.require(bookingId).chain(booking -> {
                    if (!admin && !booking.organizerId.equals(person.id)) {
                        throw ApiException.forbidden("Only the organizer or an admin may change a booking");
                    }
                    return change.apply(booking, person);
                }))))
                .onFailure().transform(Clashes::explain);
    }

    @FunctionalInterface
    private interface ChangeOf {
        Uni<Booking> apply(Booking booking, Person caller);
    }

    private Uni<Void> createTasks(Booking booking, Room room) {
        List<ServiceKind> kinds = new ArrayList<>(booking.services);
        kinds.remove(ServiceKind.CLEANING);
        kinds.add(ServiceKind.CLEANING);
        return tasks.persist(kinds.stream().map(kind -> {
            ServiceTask task = new ServiceTask();
            task.bookingId = booking.id;
            task.roomId = room.id;
            task.siteId = room.siteId;
            task.kind = kind;
            task.dueAt = dueAt(kind, booking);
            task.status = ServiceTaskStatus.OPEN;
            return task;
        })).replaceWithVoid();
    }

    /** Service before the meeting is due some minutes before its start; cleaning at its end. */
    private OffsetDateTime dueAt(ServiceKind kind, Booking booking) {
        return kind == ServiceKind.CLEANING ? booking.endsAt : booking.startsAt.minusMinutes(serviceLeadMinutes);
    }

    /** Schedules the organizer's reminder before the start, unless that time has passed already. */
    private Uni<Void> remind(Booking booking, Room room, Site site, OffsetDateTime now) {
        OffsetDateTime at = booking.startsAt.minusMinutes(reminderMinutes);
        if (!at.isAfter(now)) {
            return Uni.createFrom().voidItem();
        }
        String time = CLOCK.format(booking.startsAt.atZoneSameInstant(site.zone()));
        return notifier.schedule(booking.organizerId, new Notice("BOOKING_REMINDER",
                new LocalizedText("会议提醒", "Meeting reminder"),
                new LocalizedText("「" + booking.title + "」将于 " + time + " 在" + room.name + "开始，请按时签到。",
                        "\"" + booking.title + "\" starts at " + time + " in " + room.name + ". Remember to check in."),
                link(booking)), at, cause(booking));
    }

    private Notice pendingNotice(Booking first, Room room, Site site, int occurrences) {
        String when = DAY.format(first.startsAt.atZoneSameInstant(site.zone()));
        String times = occurrences > 1 ? "（共 " + occurrences + " 次）" : "";
        return new Notice("BOOKING_PENDING", new LocalizedText("会议室预定待审批", "Room booking awaits approval"),
                new LocalizedText(room.name + " " + when + "「" + first.title + "」" + times + "待审批。",
                        room.name + " " + when + " \"" + first.title + "\""
                                + (occurrences > 1 ? " (" + occurrences + " occurrences)" : "")
                                + " awaits approval."),
                link(first));
    }


    public static String cause(Booking booking) {
        return "booking:" + booking.id;
    }

    private static String link(Booking booking) {
        return "dayuan://bookings/" + booking.id;
    }

    private Uni<Void> publish(UUID roomId, UUID bookingId, ScheduleChange change) {
        return events.publish(RoomScheduleChanged.topic(),
                new RoomScheduleChanged(roomId.toString(), bookingId.toString(), change));
    }

    private static <T> Uni<Void> each(List<T> items, Function<T, Uni<?>> action) {
        return items.isEmpty() ? Uni.createFrom().voidItem()
                : Multi.createFrom().iterable(items).onItem().transformToUniAndConcatenate(action::apply)
                        .collect().last().replaceWithVoid();
    }
}
