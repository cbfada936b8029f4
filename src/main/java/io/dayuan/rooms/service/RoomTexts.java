package io.dayuan.rooms.service;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.dayuan.notifications.LocalizedText;
import io.dayuan.notifications.Notice;
import io.dayuan.rooms.Booking;
import io.dayuan.rooms.Room;

/** The notices meeting rooms send, in Simplified Chinese and English; times in the site's time zone. */
final class RoomTexts {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private RoomTexts() {
    }

    static Notice reminder(Booking booking, Room room, ZoneId zone) {
        String time = CLOCK.format(booking.startsAt.atZoneSameInstant(zone));
        return new Notice("BOOKING_REMINDER", new LocalizedText("会议提醒", "Meeting reminder"),
                new LocalizedText("「" + booking.title + "」将于 " + time + " 在" + room.name + "开始，请按时签到。",
                        "\"" + booking.title + "\" starts at " + time + " in " + room.name + ". Remember to check in."),
                link(booking));
    }

    /** To the admins: the first booking of a series (or the only one) awaits approval. */
    static Notice pending(Booking first, Room room, ZoneId zone, int occurrences) {
        String when = DAY.format(first.startsAt.atZoneSameInstant(zone));
        String times = occurrences > 1 ? "（共 " + occurrences + " 次）" : "";
        return new Notice("BOOKING_PENDING", new LocalizedText("会议室预定待审批", "Room booking awaits approval"),
                new LocalizedText(room.name + " " + when + "「" + first.title + "」" + times + "待审批。",
                        room.name + " " + when + " \"" + first.title + "\""
                                + (occurrences > 1 ? " (" + occurrences + " occurrences)" : "")
                                + " awaits approval."),
                link(first));
    }

    static Notice approved(Booking booking, Room room, ZoneId zone) {
        String when = DAY.format(booking.startsAt.atZoneSameInstant(zone));
        return new Notice("BOOKING_APPROVED", new LocalizedText("会议室预定已批准", "Room booking approved"),
                new LocalizedText("您预定的「" + booking.title + "」（" + room.name + "，" + when + "）已获批准。",
                        "Your booking \"" + booking.title + "\" (" + room.name + ", " + when + ") is approved."),
                link(booking));
    }

    /** The booking's rejection, with its reason when one was given. */
    static Notice rejected(Booking booking, Room room, ZoneId zone) {
        String when = DAY.format(booking.startsAt.atZoneSameInstant(zone));
        String why = booking.rejectionReason == null ? "" : booking.rejectionReason;
        return new Notice("BOOKING_REJECTED", new LocalizedText("会议室预定未获批准", "Room booking rejected"),
                new LocalizedText("您预定的「" + booking.title + "」（" + room.name + "，" + when + "）未获批准。"
                        + (why.isEmpty() ? "" : "原因：" + why),
                        "Your booking \"" + booking.title + "\" (" + room.name + ", " + when
                                + ") was rejected." + (why.isEmpty() ? "" : " Reason: " + why)),
                link(booking));
    }

    static Notice released(Booking booking) {
        return new Notice("BOOKING_RELEASED", new LocalizedText("会议室已释放", "Room released"),
                new LocalizedText("「" + booking.title + "」未在规定时间内签到，会议室已释放。",
                        "Nobody checked in for \"" + booking.title + "\": the room was released."),
                link(booking));
    }

    private static String link(Booking booking) {
        return "dayuan://bookings/" + booking.id;
    }
}
