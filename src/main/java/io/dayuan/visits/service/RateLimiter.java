package io.dayuan.visits.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.platform.ApiException;
import io.dayuan.visits.repository.RateCounterRepository;
import io.smallrye.mutiny.Uni;

/**
 * Fixed-window counters in PostgreSQL, so that every replica counts the same hits. Each hit commits on its own:
 * a request that fails later still counts.
 */
@ApplicationScoped
public class RateLimiter {

    @Inject
    RateCounterRepository counters;

    /** Counts a hit of the key and fails with RATE_LIMITED when the window's limit is passed. */
    public Uni<Void> hit(String key, int limit, Duration window, OffsetDateTime now) {
        long seconds = window.getSeconds();
        long start = Math.floorDiv(now.toEpochSecond(), seconds) * seconds;
        OffsetDateTime windowStart = OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(start), ZoneOffset.UTC);
        return counters.hit(key, windowStart).map(hits -> {
            if (hits > limit) {
                throw ApiException.rateLimited("Too many visit requests; try again later");
            }
            return null;
        });
    }

    /** Forgets windows that have ended (called by the visits housekeeping job). */
    public Uni<Integer> purge(OffsetDateTime before) {
        return counters.purge(before);
    }
}
