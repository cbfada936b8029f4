package io.dayuan.visits.service;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import io.dayuan.notifications.LocalizedText;
import io.dayuan.notifications.Notice;
import io.dayuan.visits.Visit;

/**
 * The texts of visits, in Simplified Chinese and English: those to the visitor (texts, see {@link VisitorMessages})
 * and the notices to hosts and guards. Times are the site's local times.
 */
final class VisitTexts {

    private VisitTexts() {
    }

    /** The visit's window as the site's local times, "2026-12-01 09:00 – 2026-12-01 12:00". */
    static String window(Visit visit, ZoneId zone) {
        return local(visit.arriveFrom, zone) + " – " + local(visit.arriveUntil, zone);
    }

    private static String local(OffsetDateTime time, ZoneId zone) {
        return time.atZoneSameInstant(zone).toLocalDateTime().toString().replace('T', ' ');
    }

    // ------------------------------------------------------------------ to the visitor

    static LocalizedText invited(String hostName, Visit visit, ZoneId zone, String link) {
        String window = window(visit, zone);
        return new LocalizedText(hostName + " 邀请您于 " + window + " 来访。查看、取消或登记人脸：" + link,
                hostName + " invites you to visit " + window + ". View, cancel or enrol your face: " + link);
    }

    static LocalizedText requested(String link) {
        return new LocalizedText("您的来访申请已提交，审批后将短信通知您。查看或取消：" + link,
                "Your visit request was received; you will get a text when it is decided. View or cancel: " + link);
    }

    static LocalizedText approved(Visit visit, ZoneId zone) {
        String window = window(visit, zone);
        return new LocalizedText("您于 " + window + " 的来访申请已获批准。", "Your visit " + window + " is approved.");
    }

    static LocalizedText rejected(Visit visit, ZoneId zone) {
        String window = window(visit, zone);
        return new LocalizedText("很抱歉，您于 " + window + " 的来访申请未获批准。",
                "Sorry, your visit " + window + " was not approved.");
    }

    static LocalizedText cancelledByHost(Visit visit, ZoneId zone) {
        String window = window(visit, zone);
        return new LocalizedText("您于 " + window + " 的来访已被接待人取消。",
                "Your visit " + window + " was cancelled by your host.");
    }

    // ------------------------------------------------------------------ to hosts and guards

    static Notice requestToHost(Visit visit, ZoneId zone) {
        String window = window(visit, zone);
        return new Notice("VISIT_REQUESTED", new LocalizedText("访客来访申请", "Visit request"),
                new LocalizedText(visit.visitorName + " 申请于 " + window + " 来访，请审批",
                        visit.visitorName + " asks to visit " + window + "; please approve or reject"),
                link(visit));
    }

    static Notice cancelledByVisitor(Visit visit, ZoneId zone) {
        String window = window(visit, zone);
        return new Notice("VISIT_CANCELLED", new LocalizedText("访客取消来访", "Visit cancelled"),
                new LocalizedText(visit.visitorName + " 取消了 " + window + " 的来访",
                        visit.visitorName + " cancelled the visit " + window),
                link(visit));
    }

    static Notice arrived(Visit visit) {
        return new Notice("VISITOR_ARRIVED", new LocalizedText("访客已到达", "Your visitor has arrived"),
                new LocalizedText(visit.visitorName + " 已进入大院", visit.visitorName + " has come in"), link(visit));
    }

    /** To the site's guards: a blocklisted visitor was invited or asked for a visit. */
    static Notice blocked(String visitorName) {
        return new Notice("VISITOR_BLOCKED", new LocalizedText("黑名单访客", "Blocklisted visitor"),
                new LocalizedText("黑名单中的访客 " + visitorName + " 试图预约来访",
                        "Blocklisted visitor " + visitorName + " tried to book a visit"),
                null);
    }

    private static String link(Visit visit) {
        return "dayuan://visits/" + visit.id;
    }
}
