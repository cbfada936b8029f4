package io.dayuan.rooms.service;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dayuan.platform.ApiException;
import io.vertx.pgclient.PgException;

/** Explains to the caller which time of a room is taken. */
final class Clashes {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** The existing key of an exclusion violation: {@code ... conflicts with existing key (..)=(<room>, ["a","b")).} */
    private static final Pattern EXISTING = Pattern.compile("existing key .*\\[\"?([^\",]+)\"?,\"?([^\",)]+)\"?\\)");

    private Clashes() {
    }

    static String span(OffsetDateTime from, OffsetDateTime until, ZoneId zone) {
        return TIME.format(from.atZoneSameInstant(zone)) + " – " + TIME.format(until.atZoneSameInstant(zone)) + " ("
                + zone + ")";
    }

    static ApiException taken(List<String> dates, List<String> spans) {
        return ApiException.conflict("The room is taken (cleanup time included) at " + String.join(", ", spans),
                Map.of("clashingDates", dates));
    }

    /**
     * The database's exclusion constraint refused a booking that a concurrent one beat to the room: the same
     * CONFLICT, saying which time is taken.
     */
    static Throwable explain(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && "23P01".equals(pg.getSqlState())) {
                String detail = pg.getDetail() == null ? "" : pg.getDetail();
                Matcher existing = EXISTING.matcher(detail);
                String taken = existing.find() ? " from " + existing.group(1) + " until " + existing.group(2)
                        : "";
                return ApiException.conflict("The room is taken" + taken + " (cleanup time included)");
            }
        }
        return failure;
    }
}
