package io.dayuan.rooms.service;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.sql.SQLException;

import org.hibernate.JDBCException;

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

    /** Whether the failure is the database's exclusion constraint refusing an overlap (SQLState 23P01). */
    static boolean isExclusion(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && "23P01".equals(pg.getSqlState())
                    || cause instanceof SQLException sql && "23P01".equals(sql.getSQLState())
                    || cause instanceof JDBCException jdbc && "23P01".equals(jdbc.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database's exclusion constraint refused a change that a concurrent one beat to the room: the same
     * CONFLICT, saying which time is taken when the database said it.
     */
    static Throwable explain(Throwable failure) {
        if (!isExclusion(failure)) {
            return failure;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && pg.getDetail() != null) {
                Matcher existing = EXISTING.matcher(pg.getDetail());
                if (existing.find()) {
                    return ApiException.conflict("The room is taken from " + existing.group(1) + " until "
                            + existing.group(2) + " (cleanup time included)");
                }
            }
        }
        return ApiException.conflict("The room is taken at the requested time (cleanup time included)");
    }
}
