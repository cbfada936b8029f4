package io.dayuan.visitorpages;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The language of a visitor's page: Simplified Chinese unless {@code ?lang=en} or the browser's
 * {@code Accept-Language} prefers English (over Chinese); and the visit's window written in it.
 */
public enum PageLanguage {

    ZH("zh", "yyyy年M月d日（EEE） HH:mm", "HH:mm", Locale.SIMPLIFIED_CHINESE),
    EN("en", "EEE d MMM yyyy, HH:mm", "HH:mm", Locale.UK);

    private final String code;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter time;
    private final Locale locale;

    PageLanguage(String code, String dateTime, String time, Locale locale) {
        this.code = code;
        this.dateTime = DateTimeFormatter.ofPattern(dateTime, locale);
        this.time = DateTimeFormatter.ofPattern(time, locale);
        this.locale = locale;
    }

    public String code() {
        return code;
    }

    /** The locale of the message bundle. */
    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /** {@code ?lang} wins when it names a language of the pages; then the first of zh or en the browser accepts. */
    public static PageLanguage of(String lang, String acceptLanguage) {
        if ("en".equalsIgnoreCase(lang)) {
            return EN;
        }
        if ("zh".equalsIgnoreCase(lang)) {
            return ZH;
        }
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ZH;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return ZH;
        }
        for (Locale.LanguageRange range : ranges) {
            String tag = range.getRange().toLowerCase(Locale.ROOT);
            if (tag.equals("en") || tag.startsWith("en-")) {
                return EN;
            }
            if (tag.equals("zh") || tag.startsWith("zh-") || tag.equals("*")) {
                return ZH;
            }
        }
        return ZH;
    }

    /** The window in the site's time zone: one date when it starts and ends on the same day. */
    public String window(OffsetDateTime from, OffsetDateTime until, ZoneId zone) {
        var start = from.atZoneSameInstant(zone);
        var end = until.atZoneSameInstant(zone);
        String last = start.toLocalDate().equals(end.toLocalDate()) ? time.format(end) : dateTime.format(end);
        return dateTime.format(start) + " – " + last;
    }

    /** The zone's name as visitors know it, e.g. 中国时间 / China Time. */
    public String zoneName(ZoneId zone) {
        return zone.getDisplayName(java.time.format.TextStyle.FULL, locale);
    }
}
