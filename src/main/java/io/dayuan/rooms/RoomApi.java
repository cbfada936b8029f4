package io.dayuan.rooms;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.dayuan.people.Person;
import io.dayuan.people.repository.PersonRepository;
import io.dayuan.platform.Ids;
import io.dayuan.platform.Roles;
import io.dayuan.platform.events.Events;
import io.dayuan.platform.graphql.SessionPerField;
import io.dayuan.platform.graphql.Subscriptions;
import io.dayuan.rooms.repository.BookingRepository;
import io.dayuan.rooms.repository.RoomRepository;
import io.dayuan.rooms.repository.ServiceTaskRepository;
import io.dayuan.rooms.service.BookingService.NewBooking;
import io.dayuan.rooms.service.BookingService;
import io.dayuan.rooms.service.CalendarService;
import io.dayuan.rooms.service.RoomService.NewRoom;
import io.dayuan.rooms.service.RoomService.RoomChange;
import io.dayuan.rooms.service.RoomService;
import io.dayuan.rooms.service.ServiceTaskService;
import io.dayuan.rooms.service.UtilisationService;
import io.dayuan.sites.Site;
import io.dayuan.sites.repository.SiteRepository;
import io.dayuan.sites.service.CallerSites;
import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@SessionPerField
public class RoomApi {

    @Inject
    Subscriptions subscriptions;

    @Inject
    RoomService service;

    @Inject
    BookingService bookingService;

    @Inject
    ServiceTaskService taskService;

    @Inject
    UtilisationService utilisationService;

    @Inject
    CalendarService calendarService;

    @Inject
    RoomRepository rooms;

    @Inject
    BookingRepository bookings;

    @Inject
    ServiceTaskRepository tasks;

    @Inject
    PersonRepository people;

    @Inject
    SiteRepository sites;

    @Inject
    Events events;

    @Inject
    CallerSites callerSites;

    /** NOT_FOUND, as for a room that does not exist, unless the caller acts at the room's site. */
    private Uni<Room> visibleRoom(String field, String roomId) {
        UUID id = Ids.parse(field, roomId);
        return rooms.require(id).chain(room -> callerSites.requireVisible(room, found -> found.siteId, "Room", id));
    }

    /**
     * The booking when the caller acts at its room's site, or organized it and {@code ownAnywhere} (their own
     * bookings stay theirs wherever they are); NOT_FOUND otherwise, as for a booking that does not exist.
     */
    private Uni<Booking> visibleBooking(String bookingId, boolean ownAnywhere) {
        UUID id = Ids.parse("id", bookingId);
        return bookings.require(id).chain(booking -> rooms.require(booking.roomId)
                .chain(room -> ownAnywhere
                        ? callerSites.requireOwnOrVisible(booking, booking.organizerId, room.siteId, "Booking", id)
                        : callerSites.requireVisible(booking, found -> room.siteId, "Booking", id)));
    }

    private Uni<Void> requireSite(String siteId) {
        return callerSites.requireSite(Ids.parse("siteId", siteId));
    }

    // ---------------------------------------------------------------------------------------------------- rooms

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Adds a meeting room to a site. FORBIDDEN for a site the caller does not act at. Role: admin.")
    public Uni<@NonNull Room> createRoom(@Name("input") @NonNull @Valid NewRoom input) {
        return requireSite(input.siteId()).chain(() -> service.create(input));
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Changes a room's settings; fields left out stay as they are, existing bookings keep their times. "
            + "A room of a site the caller does not act at is NOT_FOUND. Role: admin.")
    public Uni<@NonNull Room> updateRoom(@Name("input") @NonNull @Valid RoomChange input) {
        return visibleRoom("id", input.id()).chain(() -> service.update(input));
    }

    @Query
    @Authenticated
    @Description("Rooms of a site (or all sites) with at least minCapacity seats and all the equipment; with "
            + "freeFrom and freeTo, only rooms free for the whole span, their cleanup time after it included. Only "
            + "rooms of the sites the caller acts at; FORBIDDEN for a siteId the caller does not act at. Any "
            + "signed-in role.")
    public Uni<@NonNull List<@NonNull Room>> rooms(@Name("siteId") @Id String siteId,
            @Name("minCapacity") Integer minCapacity, @Name("equipment") List<Equipment> equipment,
            @Name("freeFrom") OffsetDateTime freeFrom, @Name("freeTo") OffsetDateTime freeTo) {
        Uni<Void> allowed = siteId == null ? Uni.createFrom().voidItem() : requireSite(siteId);
        return allowed.chain(() -> service.search(siteId, minCapacity, equipment, freeFrom, freeTo))
                .chain(found -> callerSites.filter(found, room -> room.siteId));
    }

    @Query
    @RolesAllowed(Roles.ADMIN)
    @Description("The text of the QR code to print on the room's door; scanning it checks a booking in. A room of a "
            + "site the caller does not act at is NOT_FOUND. Role: admin.")
    public Uni<@NonNull String> roomDoorCode(@Name("roomId") @NonNull @Id String roomId) {
        return visibleRoom("roomId", roomId).chain(() -> service.doorCode(roomId));
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Gives the room a new door code (the printed one stops working) and returns it. A room of a site "
            + "the caller does not act at is NOT_FOUND. Role: admin.")
    public Uni<@NonNull String> rotateRoomDoorCode(@Name("roomId") @NonNull @Id String roomId) {
        return visibleRoom("roomId", roomId).chain(() -> service.rotateDoorCode(roomId));
    }

    @Query
    @Authenticated
    @Description("A room's pending, confirmed, checked-in and completed bookings overlapping [from, to), at most 31 "
            + "days. A room of a site the caller does not act at is NOT_FOUND. Any signed-in role.")
    public Uni<@NonNull List<@NonNull Booking>> roomSchedule(@Name("roomId") @NonNull @Id String roomId,
            @Name("from") @NonNull OffsetDateTime from, @Name("to") @NonNull OffsetDateTime to) {
        return visibleRoom("roomId", roomId).chain(() -> bookingService.schedule(roomId, from, to));
    }

    @Query
    @RolesAllowed(Roles.ADMIN)
    @Description("Per room of the site, from one date to another (inclusive, in the site's time zone): booked hours "
            + "over opening hours, and the no-show rate. FORBIDDEN for a site the caller does not act at. Role: admin.")
    public Uni<@NonNull List<@NonNull RoomUtilisation>> roomUtilisation(@Name("siteId") @NonNull @Id String siteId,
            @Name("from") @NonNull LocalDate from, @Name("to") @NonNull LocalDate to) {
        return requireSite(siteId).chain(() -> utilisationService.report(siteId, from, to));
    }

    @Subscription
    @Description("Tells when a room's schedule changes (booked, moved, cancelled, approved, rejected, checked in, "
            + "released), for a door tablet or the app. A room of a site the caller does not act at is NOT_FOUND "
            + "(one event that is null, with the error). Any signed-in role.")
    // nullable for the same reason as gateEvents: the site refusal needs the database, so it comes after the start
    public Multi<RoomScheduleChanged> roomScheduleChanged(@Name("roomId") @NonNull @Id String roomId) {
        String room = Ids.parse("roomId", roomId).toString();
        return subscriptions.open(() -> visibleRoom("roomId", roomId).onItem()
                .transformToMulti(visible -> events.on(RoomScheduleChanged.topic()))
                .filter(changed -> room.equals(changed.roomId())));
    }

    // ------------------------------------------------------------------------------------------------- bookings

    @Mutation
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Description("Books a room, once or recurring. Rooms that require approval take it as PENDING (holding the "
            + "slot). A clash is CONFLICT listing the clashing dates (extensions.clashingDates) and books nothing, "
            + "unless skipConflicts books the free occurrences; the answer is the first occurrence. A room of a site "
            + "the caller does not act at is NOT_FOUND. Role: staff, admin.")
    public Uni<@NonNull Booking> bookRoom(@Name("input") @NonNull @Valid NewBooking input) {
        return visibleRoom("roomId", input.roomId()).chain(() -> bookingService.book(input));
    }

    @Mutation
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Description("Cancels a pending or confirmed booking: this occurrence, this and the following ones, or the whole "
            + "series (occurrences already over, cancelled or released stay as they are). The organizer's own "
            + "booking wherever it is; another's booking of a site the caller does not act at is NOT_FOUND. Role: the "
            + "organizer (staff) or admin.")
    public Uni<@NonNull Booking> cancelBooking(@Name("id") @NonNull @Id String id,
            @Name("scope") @DefaultValue("THIS") CancelScope scope) {
        return visibleBooking(id, true).chain(() -> bookingService.cancel(id, scope));
    }

    @Mutation
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Description("Moves one pending or confirmed booking (one occurrence of a series) to another time in the same "
            + "room; its service tasks and reminder move with it. Moving books the room anew, so a booking in a room "
            + "of a site the caller does not act at is NOT_FOUND, the organizer's own too. Role: the organizer "
            + "(staff) or admin.")
    public Uni<@NonNull Booking> moveBooking(@Name("id") @NonNull @Id String id,
            @Name("startsAt") @NonNull OffsetDateTime startsAt, @Name("endsAt") @NonNull OffsetDateTime endsAt) {
        return visibleBooking(id, false).chain(() -> bookingService.move(id, startsAt, endsAt));
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Approves a pending booking; the organizer is told. A booking of a site the caller does not act "
            + "at is NOT_FOUND. Role: admin.")
    public Uni<@NonNull Booking> approveBooking(@Name("id") @NonNull @Id String id) {
        return visibleBooking(id, false).chain(() -> bookingService.approve(id));
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Rejects a pending booking with a reason, freeing the slot; the organizer is told. A booking of a "
            + "site the caller does not act at is NOT_FOUND. Role: admin.")
    public Uni<@NonNull Booking> rejectBooking(@Name("id") @NonNull @Id String id,
            @Name("reason") @Size(max = 500) String reason) {
        return visibleBooking(id, false).chain(() -> bookingService.reject(id, reason));
    }

    @Mutation
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Description("The organizer checks in, from the room's check-in window opening (default 10 min before the "
            + "start) until it closes (default 15 min after); doorCode is the scanned QR text of the room's door and "
            + "must match when given. The organizer's own booking wherever it is; another's booking of a site the "
            + "caller does not act at is NOT_FOUND. Role: the organizer (staff, admin).")
    public Uni<@NonNull Booking> checkInBooking(@Name("id") @NonNull @Id String id,
            @Name("doorCode") String doorCode) {
        return visibleBooking(id, true).chain(() -> bookingService.checkIn(id, doorCode));
    }

    @Query
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Description("The caller's bookings in start order, overlapping [from, to) when given; pages of `first` (default "
            + "50, at most 200) going on `after` the cursor of the last booking of the page. Role: staff, admin.")
    public Uni<@NonNull List<@NonNull Booking>> myBookings(@Name("from") OffsetDateTime from,
            @Name("to") OffsetDateTime to, @Name("first") Integer first, @Name("after") String after) {
        return bookingService.mine(from, to, first, after);
    }

    @Mutation
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Description("Creates (or renews) the caller's private calendar feed of their bookings and returns its secret URL "
            + "(iCalendar, for Outlook or Google Calendar); an earlier URL stops working. Role: staff, admin.")
    public Uni<@NonNull String> createCalendarFeed() {
        return calendarService.createFeed();
    }

    @Mutation
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Description("Revokes the caller's calendar feed: its URL answers 404 from now on. True if there was one. Role: "
            + "staff, admin.")
    public Uni<@NonNull Boolean> revokeCalendarFeed() {
        return calendarService.revokeFeed();
    }

    // -------------------------------------------------------------------------------------------- service tasks

    @Query
    @RolesAllowed({ Roles.FACILITIES, Roles.ADMIN })
    @Description("The service tasks of a site due on a date (in the site's time zone), cancelled ones only when asked. "
            + "FORBIDDEN for a site the caller does not act at. Role: facilities, admin.")
    public Uni<@NonNull List<@NonNull ServiceTask>> serviceTasks(@Name("siteId") @NonNull @Id String siteId,
            @Name("date") @NonNull LocalDate date,
            @Name("includeCancelled") @DefaultValue("false") boolean includeCancelled) {
        return requireSite(siteId).chain(() -> taskService.ofDay(siteId, date, includeCancelled));
    }

    @Mutation
    @RolesAllowed({ Roles.FACILITIES, Roles.ADMIN })
    @Description("Marks a service task done (again changes nothing; a cancelled task is CONFLICT). A task of a site "
            + "the caller does not act at is NOT_FOUND. Role: facilities, admin.")
    public Uni<@NonNull ServiceTask> markServiceTaskDone(@Name("id") @NonNull @Id String id) {
        UUID taskId = Ids.parse("id", id);
        return tasks.require(taskId).chain(task -> rooms.require(task.roomId)
                .chain(room -> callerSites.requireVisible(task, found -> room.siteId, "Service task", taskId)))
                .chain(() -> taskService.markDone(id));
    }

    // ------------------------------------------------------------------------------------------ batch resolvers

    @Description("The site the room belongs to")
    @NonNull
    public Uni<List<@NonNull Site>> site(@Source List<Room> rooms) {
        return sites.inOrderOf(rooms.stream().map(room -> room.siteId).toList());
    }

    @Description("The booked room")
    @NonNull
    public Uni<List<@NonNull Room>> room(@Source List<Booking> booked) {
        return rooms.inOrderOf(booked.stream().map(booking -> booking.roomId).toList());
    }

    @Description("Who booked")
    @NonNull
    public Uni<List<@NonNull Person>> organizer(@Source List<Booking> booked) {
        return people.inOrderOf(booked.stream().map(booking -> booking.organizerId).toList());
    }

    @Description("The booking that asks for the task")
    @NonNull
    public Uni<List<@NonNull Booking>> booking(@Source List<ServiceTask> tasks) {
        return bookings.inOrderOf(tasks.stream().map(task -> task.bookingId).toList());
    }

    @Name("room")
    @Description("Where the task is done")
    @NonNull
    public Uni<List<@NonNull Room>> taskRoom(@Source List<ServiceTask> tasks) {
        return rooms.inOrderOf(tasks.stream().map(task -> task.roomId).toList());
    }

}
