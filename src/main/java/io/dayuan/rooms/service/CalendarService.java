package io.dayuan.rooms.service;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.people.Caller;
import io.dayuan.people.Person;
import io.dayuan.people.repository.PersonRepository;
import io.dayuan.platform.Clock;
import io.dayuan.rooms.Booking;
import io.dayuan.rooms.BookingStatus;
import io.dayuan.rooms.Room;
import io.dayuan.rooms.RoomsConfig;
import io.dayuan.rooms.repository.BookingRepository;
import io.dayuan.rooms.repository.CalendarFeedRepository;
import io.dayuan.rooms.repository.RoomRepository;
import io.dayuan.sites.Site;
import io.dayuan.sites.repository.SiteRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A private calendar feed (RFC 5545) of a person's bookings, for Outlook or Google Calendar to subscribe to. The
 * URL carries a random secret; only its SHA-256 is stored. Creating a feed again replaces the secret (the old URL
 * stops working), revoking removes it.
 */
@ApplicationScoped
public class CalendarService {

    @Inject
    Clock clock;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    Caller caller;

    @Inject
    PersonRepository people;

    @Inject
    BookingRepository bookings;

    @Inject
    CalendarFeedRepository feeds;

    @Inject
    RoomRepository rooms;

    @Inject
    SiteRepository sites;

    @Inject
    RoomsConfig config;

    /** A new secret feed URL for the caller; an earlier URL stops working. */
    public Uni<String> createFeed() {
        String token = Tokens.random(32);
        return caller.person().chain(person -> store(person, Tokens.sha256(token)))
                .map(ignored -> config.calendar().baseUrl().replaceAll("/+$", "") + "/calendar/" + token + ".ics");
    }

    @WithTransaction
    Uni<Integer> store(Person person, String tokenHash) {
        return feeds.store(person.id, tokenHash);
    }

    /** Revokes the caller's feed: its URL answers 404 from now on. True if there was one. */
    public Uni<Boolean> revokeFeed() {
        return caller.person().chain(this::revoke).map(deleted -> deleted > 0);
    }

    @WithTransaction
    Uni<Integer> revoke(Person person) {
        return feeds.revoke(person.id);
    }

    /** The feed of a token as iCalendar text, or null when no feed has that token. */
    @WithSession
    public Uni<String> feed(String token) {
        return feeds.personOf(Tokens.sha256(token)).chain(personId -> personId == null ? Uni.createFrom().nullItem()
                : people.findById(personId).chain(this::calendarOf));
    }

    private Uni<String> calendarOf(Person person) {
        return bookings.forCalendar(person.id, clock.now().minusDays(config.calendar().pastDays()))
                .chain(found -> calendarOf(person, found));
    }

    /** The bookings with their rooms and the rooms' sites. */
    private Uni<String> calendarOf(Person person, List<Booking> found) {
        return rooms.ofIds(found.stream().map(b -> b.roomId).collect(Collectors.toSet()))
                .chain(roomList -> sites.listAll().map(siteList -> render(person, found,
                        byId(roomList, room -> room.id), byId(siteList, site -> site.id))));
    }

    private static <T> Map<UUID, T> byId(List<T> items, Function<T, UUID> id) {
        return items.stream().collect(Collectors.toMap(id, item -> item));
    }

    static String render(Person person, List<Booking> list, Map<UUID, Room> roomsById, Map<UUID, Site> sitesById) {
        boolean en = person.locale != null && person.locale.startsWith("en");
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Dayuan//Meeting rooms//" + (en ? "EN" : "ZH")));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", en ? "My room bookings" : "我的会议室预定"));
        for (Booking booking : list) {
            Room room = roomsById.get(booking.roomId);
            Site site = room == null ? null : sitesById.get(room.siteId);
            ZoneId zone = site == null ? ZoneId.of(Site.DEFAULT_TIME_ZONE) : site.zone();
            String place = room == null ? "" : room.name + (site == null ? "" : ", " + site.name);
            VEvent event = new VEvent(booking.startsAt.toInstant(), booking.endsAt.toInstant(), booking.title);
            event.add(new Uid(booking.id + "@dayuan"));
            event.add(new Location(place));
            event.add(new Description(description(booking, en, zone)));
            event.add(booking.status == BookingStatus.PENDING ? ImmutableStatus.VEVENT_TENTATIVE
                    : ImmutableStatus.VEVENT_CONFIRMED);
            if (booking.updatedAt != null) {
                event.add(new LastModified(booking.updatedAt.toInstant()));
            }
            calendar.add(event);
        }
        return calendar.toString();
    }

    private static String description(Booking booking, boolean en, ZoneId zone) {
        String when = TIME.format(booking.startsAt.atZoneSameInstant(zone));
        String status = switch (booking.status) {
            case PENDING -> en ? "awaiting approval" : "待审批";
            case CONFIRMED -> en ? "confirmed" : "已确认";
            case CHECKED_IN -> en ? "checked in" : "已签到";
            case COMPLETED -> en ? "completed" : "已结束";
            default -> booking.status.name();
        };
        return en ? "Room booking (" + status + "), starts " + when + ". Check in at the room's door."
                : "会议室预定（" + status + "），" + when + " 开始。请到会议室门口扫码签到。";
    }
}
