package io.dayuan.visits.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.platform.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Fixed-window counters in PostgreSQL, so that every replica counts the same hits. Each hit commits on its own:
 * a request that fails later still counts.
 */
@ApplicationScoped
public class RateLimiter {

    @Inject
    Pool pool;

    /** Counts a hit of the key and fails with RATE_LIMITED when the window's limit is passed. */
    public Uni<Void> hit(String key, int limit, Duration window, OffsetDateTime now) {
        long seconds = window.getSeconds();
        long start = Math.floorDiv(now.toEpochSecond(), seconds) * seconds;
        OffsetDateTime windowStart = OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(start), ZoneOffset.UTC);
        return pool.preparedQuery("""
                INSERT INTO visit_rate_counter (key, window_start, hits) VALUES ($1, $2, 1)
                ON CONFLICT (key, window_start) DO UPDATE SET hits = visit_rate_counter.hits + 1
                RETURNING hits""").execute(Tuple.of(key, windowStart)).map(rows -> {
            int hits = rows.iterator().next().getInteger("hits");
            if (hits > limit) {
                throw ApiException.rateLimited("Too many visit requests; try again later");
            }
            return null;
        });
    }

    /** Forgets windows that have ended (called by the visits housekeeping job). */
    public Uni<Integer> purge(OffsetDateTime before) {
        return pool.preparedQuery("DELETE FROM visit_rate_counter WHERE window_start < $1")
                .execute(Tuple.of(before)).map(rows -> rows.rowCount());
    }
}
