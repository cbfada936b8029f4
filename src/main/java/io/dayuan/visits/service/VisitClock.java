package io.dayuan.visits.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.inject.Singleton;

/**
 * "Now" for visits: the system clock, which the tests of this package move to walk a visit through its window.
 */
@Singleton
public class VisitClock {

    private volatile Clock clock = Clock.systemUTC();

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** For tests only. */
    void set(Clock clock) {
        this.clock = clock;
    }

    /** For tests only. */
    void reset() {
        this.clock = Clock.systemUTC();
    }
}
