package io.dayuan.visits.repository;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Hits per key and fixed window, counted in one statement each (safe with several replicas). */
@ApplicationScoped
public class RateCounterRepository {

    @Inject
    Pool pool;

    /** Counts a hit of the key in the window; the window's hits so far, this one included. */
    public Uni<Integer> hit(String key, OffsetDateTime windowStart) {
        return pool.preparedQuery("""
                INSERT INTO visit_rate_counter (key, window_start, hits) VALUES ($1, $2, 1)
                ON CONFLICT (key, window_start) DO UPDATE SET hits = visit_rate_counter.hits + 1
                RETURNING hits""").execute(Tuple.of(key, windowStart))
                .map(rows -> rows.iterator().next().getInteger("hits"));
    }

    /** Forgets the windows that started before {@code before}. */
    public Uni<Integer> purge(OffsetDateTime before) {
        return pool.preparedQuery("DELETE FROM visit_rate_counter WHERE window_start < $1")
                .execute(Tuple.of(before)).map(rows -> rows.rowCount());
    }
}
