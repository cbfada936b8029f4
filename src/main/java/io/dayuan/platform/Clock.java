package io.dayuan.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import jakarta.inject.Singleton;

/**
 * "Now" for the whole application: the system clock in UTC. Services and API classes take the time from here, never
 * from {@code OffsetDateTime.now()}, so that tests can move it ({@link #set}) to walk through a day or a visit.
 * Entities, which cannot inject, read the same time through {@link #current()}.
 */
@Singleton
public class Clock {

    /** One time for the injected instance and for {@link #current()}. */
    private static volatile java.time.Clock clock = java.time.Clock.systemUTC();

    /** Now, in UTC. */
    public OffsetDateTime now() {
        return current();
    }

    /** Now, in UTC, for entities' derived fields (e.g. {@code Pass.status}); everything that can inject uses {@link #now()}. */
    public static OffsetDateTime current() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(java.time.ZoneOffset.UTC);
    }

    public Instant instant() {
        return clock.instant();
    }

    /** Today's date in a time zone (a site's). */
    public LocalDate today(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }

    /** Moves time: tests only. */
    public void set(java.time.Clock moved) {
        clock = moved;
    }

    /** Back to the system clock: tests only. */
    public void reset() {
        clock = java.time.Clock.systemUTC();
    }
}
