package io.dayuan.rooms.service;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.platform.ApiException;
import io.dayuan.platform.Ids;
import io.dayuan.rooms.Booking;
import io.dayuan.rooms.BookingStatus;
import io.dayuan.rooms.Room;
import io.dayuan.rooms.RoomUtilisation;
import io.dayuan.rooms.RoomsConfig;
import io.dayuan.rooms.repository.BookingRepository;
import io.dayuan.rooms.repository.RoomRepository;
import io.dayuan.sites.repository.SiteRepository;
import io.smallrye.mutiny.Uni;

/**
 * Utilisation per room: hours of confirmed, checked-in and completed bookings inside the opening hours, over the
 * opening hours of the period (configured days and times, in the site's time zone); and the no-show rate of the
 * bookings that started in the period: released / (released + checked in + completed).
 */
@ApplicationScoped
public class UtilisationService {

    @Inject
    RoomRepository rooms;

    @Inject
    BookingRepository bookings;

    @Inject
    SiteRepository sites;

    @Inject
    RoomsConfig config;

    public Uni<List<RoomUtilisation>> report(String siteId, LocalDate from, LocalDate to) {
        UUID site = Ids.parse("siteId", siteId);
        if (to.isBefore(from)) {
            throw ApiException.validation("to", "to must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) > 366) {
            throw ApiException.validation("to", "A report covers at most 366 days");
        }
        return sites.require(site).chain(found -> rooms.listBySite(site)
                .chain(list -> report(list, found.zone(), from, to)));
    }

    private Uni<List<RoomUtilisation>> report(List<Room> list, ZoneId zone, LocalDate from, LocalDate to) {
        List<OffsetDateTime[]> windows = openingWindows(zone, from, to);
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        return bookings.startingBetween(list.stream().map(room -> room.id).toList(), start, end)
                .map(found -> list.stream().map(room -> utilisation(room, ofRoom(found, room), windows, start, end))
                        .toList());
    }

    /** The opening hours of each open day of the period, in the site's time zone. */
    private List<OffsetDateTime[]> openingWindows(ZoneId zone, LocalDate from, LocalDate to) {
        RoomsConfig.OpeningHours hours = config.openingHours();
        List<OffsetDateTime[]> windows = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (hours.days().contains(day.getDayOfWeek())) {
                windows.add(new OffsetDateTime[] { day.atTime(hours.opens()).atZone(zone).toOffsetDateTime(),
                        day.atTime(hours.closes()).atZone(zone).toOffsetDateTime() });
            }
        }
        return windows;
    }

    private static List<Booking> ofRoom(List<Booking> found, Room room) {
        return found.stream().filter(b -> b.roomId.equals(room.id)).toList();
    }

    private static RoomUtilisation utilisation(Room room, List<Booking> ofRoom, List<OffsetDateTime[]> windows,
            OffsetDateTime start, OffsetDateTime end) {
        long availableSeconds = windows.stream().mapToLong(w -> Duration.between(w[0], w[1]).toSeconds()).sum();
        long bookedSeconds = 0;
        int released = 0;
        int checkedIn = 0;
        for (Booking booking : ofRoom) {
            boolean used = booking.status == BookingStatus.CONFIRMED || booking.status == BookingStatus.CHECKED_IN
                    || booking.status == BookingStatus.COMPLETED;
            if (used) {
                for (OffsetDateTime[] window : windows) {
                    OffsetDateTime from = max(window[0], booking.startsAt);
                    OffsetDateTime until = min(window[1], booking.endsAt);
                    if (until.isAfter(from)) {
                        bookedSeconds += Duration.between(from, until).toSeconds();
                    }
                }
            }
            boolean startedInPeriod = !booking.startsAt.isBefore(start) && booking.startsAt.isBefore(end);
            if (startedInPeriod && booking.status == BookingStatus.RELEASED) {
                released++;
            } else if (startedInPeriod && (booking.status == BookingStatus.CHECKED_IN
                    || booking.status == BookingStatus.COMPLETED)) {
                checkedIn++;
            }
        }
        RoomUtilisation result = new RoomUtilisation();
        result.room = room;
        result.availableHours = availableSeconds / 3600.0;
        result.bookedHours = bookedSeconds / 3600.0;
        result.utilisation = availableSeconds == 0 ? 0 : (double) bookedSeconds / availableSeconds;
        result.released = released;
        result.checkedIn = checkedIn;
        result.noShowRate = released + checkedIn == 0 ? null : (double) released / (released + checkedIn);
        return result;
    }

    private static OffsetDateTime max(OffsetDateTime a, OffsetDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static OffsetDateTime min(OffsetDateTime a, OffsetDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
