package io.dayuan.rooms.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.notifications.Notice;
import io.dayuan.notifications.service.Notifier;
import io.dayuan.platform.Roles;
import io.dayuan.platform.events.Events;
import io.dayuan.rooms.Booking;
import io.dayuan.rooms.Room;
import io.dayuan.rooms.RoomScheduleChanged;
import io.dayuan.rooms.RoomsConfig;
import io.dayuan.rooms.ScheduleChange;
import io.dayuan.rooms.ServiceKind;
import io.dayuan.rooms.ServiceTask;
import io.dayuan.rooms.ServiceTaskStatus;
import io.dayuan.rooms.repository.RoomRepository;
import io.dayuan.rooms.repository.ServiceTaskRepository;
import io.dayuan.sites.Site;
import io.dayuan.sites.repository.SiteRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * What follows a change to a booking, shared by booking, changing, deciding and checking in: the room and its site,
 * the service tasks, the organizer's reminder, the schedule event.
 */
@ApplicationScoped
public class BookingEffects {

    /** A room and the site it is at (whose time zone the texts use). */
    record Place(Room room, Site site) {
    }

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
    RoomsConfig config;

    /** The room (NOT_FOUND when there is none) and its site. */
    Uni<Place> place(UUID roomId) {
        return rooms.require(roomId).chain(room -> sites.findById(room.siteId).map(site -> new Place(room, site)));
    }

    /** The booking's service tasks: those asked for and, always, cleaning after it. */
    Uni<Void> createTasks(Booking booking, Room room) {
        List<ServiceKind> kinds = new ArrayList<>(booking.services);
        kinds.remove(ServiceKind.CLEANING);
        kinds.add(ServiceKind.CLEANING);
        return tasks.persist(kinds.stream().map(kind -> task(booking, room, kind))).replaceWithVoid();
    }

    private ServiceTask task(Booking booking, Room room, ServiceKind kind) {
        ServiceTask task = new ServiceTask();
        task.bookingId = booking.id;
        task.roomId = room.id;
        task.siteId = room.siteId;
        task.kind = kind;
        task.dueAt = dueAt(kind, booking);
        task.status = ServiceTaskStatus.OPEN;
        return task;
    }

    /** The open tasks of a moved booking fall due at its new times. */
    Uni<Void> rescheduleTasks(Booking booking) {
        return tasks.ofBookings(List.of(booking.id))
                .invoke(found -> found.stream().filter(t -> t.status == ServiceTaskStatus.OPEN)
                        .forEach(t -> t.dueAt = dueAt(t.kind, booking)))
                .replaceWithVoid();
    }

    /** Service before the meeting is due some minutes before its start; cleaning at its end. */
    private OffsetDateTime dueAt(ServiceKind kind, Booking booking) {
        return kind == ServiceKind.CLEANING ? booking.endsAt
                : booking.startsAt.minusMinutes(config.serviceLeadMinutes());
    }

    /** Schedules the organizer's reminder before the start, unless that time has passed already. */
    Uni<Void> remind(Booking booking, Place place, OffsetDateTime now) {
        OffsetDateTime at = booking.startsAt.minusMinutes(config.reminderMinutes());
        if (!at.isAfter(now)) {
            return Uni.createFrom().voidItem();
        }
        return notifier.schedule(booking.organizerId, RoomTexts.reminder(booking, place.room(), place.site().zone()),
                at, cause(booking));
    }

    /** The notices of the bookings (their reminders) are withdrawn, their open tasks cancelled. */
    Uni<Void> withdraw(List<Booking> ended) {
        return cancelTasks(ended).chain(() -> each(ended, this::withdrawReminder));
    }

    /** The open service tasks of the bookings are cancelled. */
    Uni<Void> cancelTasks(List<Booking> ended) {
        return tasks.cancelOpen(ended.stream().map(b -> b.id).toList()).replaceWithVoid();
    }

    /** The organizer's reminder of the booking, if still to come, is withdrawn. */
    Uni<Void> withdrawReminder(Booking booking) {
        return notifier.withdraw(cause(booking)).replaceWithVoid();
    }

    Uni<Void> tellOrganizer(Booking booking, Notice notice) {
        return notifier.notify(booking.organizerId, notice);
    }

    /** The admins of the room's site. */
    Uni<Void> tellAdmins(Place place, Notice notice) {
        return notifier.notifyRole(Roles.ADMIN, place.site().id, notice);
    }

    Uni<Void> publish(UUID roomId, UUID bookingId, ScheduleChange change) {
        return events.publish(RoomScheduleChanged.topic(),
                new RoomScheduleChanged(roomId.toString(), bookingId.toString(), change));
    }

    private static String cause(Booking booking) {
        return "booking:" + booking.id;
    }

    /** Runs the action for each item, one after another. */
    static <T> Uni<Void> each(List<T> items, Function<T, Uni<?>> action) {
        return items.isEmpty() ? Uni.createFrom().voidItem()
                : Multi.createFrom().iterable(items).onItem().transformToUniAndConcatenate(action::apply)
                        .collect().last().replaceWithVoid();
    }
}
