package io.dayuan.platform.outbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.dayuan.platform.events.Events;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A leased outbox: rows that something must be sent for, drained by workers on any number of replicas. A pass
 * claims due rows ({@code FOR UPDATE SKIP LOCKED}, so two passes never take the same row) for a lease, sends each,
 * and marks it only while it still holds the claim. A pass that stops mid-way leaves its rows waiting: when the
 * lease ends any pass takes them again. A failure is counted and the row tried again after a {@link Backoff}; after
 * too many failures, or at once when the send can never succeed, it is parked. Nothing here blocks: a worker whose
 * sending blocks runs it off the event loop. Imitated by notifications/service/DeliveryWorker and visits' workers.
 */
public final class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);

    /** A claimed row: its id, the claim that holds it, how many times it failed before, and what the claim read. */
    public record Claim(UUID id, UUID claimId, int failures, Row row) {
    }

    private final Pool pool;
    private final OutboxTable table;
    private final Backoff backoff;

    public Outbox(Pool pool, OutboxTable table, Backoff backoff) {
        this.pool = pool;
        this.table = table;
        this.backoff = backoff;
    }

    /** Claims up to {@code limit} rows due at {@code now}: no other pass takes them until they are marked or the lease ends. */
    public Uni<List<Claim>> claim(OffsetDateTime now, Duration lease, int limit) {
        UUID claimId = UUID.randomUUID();
        return pool.preparedQuery(table.claimSql()).execute(Tuple.of(claimId, now, lease.toMillis() / 1000.0, limit))
                .map(rows -> {
                    List<Claim> claimed = new ArrayList<>();
                    for (Row row : rows) {
                        claimed.add(new Claim(row.getUUID("id"), claimId, row.getInteger("attempts"), row));
                    }
                    return claimed;
                });
    }

    /** A scheduled pass that never fails the scheduler: a failure is logged and the next pass tries again. */
    public Uni<Void> scheduled(Uni<Integer> pass) {
        return pass.replaceWithVoid().onFailure().recoverWithUni(failure -> {
            LOG.warnf(failure, "A pass over %s failed; the next pass tries again", table.name());
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * Sends each claimed row in turn, at most {@code concurrency} at once; a row whose send or mark fails is left
     * to its lease. Returns how many sends answered true.
     */
    public <T> Uni<Integer> each(List<T> claimed, Function<T, Claim> claimOf, int concurrency,
            Function<T, Uni<Boolean>> send) {
        if (claimed.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom().iterable(claimed)
                .onItem().transformToUni(one -> send.apply(one).onFailure().recoverWithUni(failure -> {
                    LOG.warnf(failure, "Row %s of %s could not be marked; its lease will end", claimOf.apply(one).id(),
                            table.name());
                    return Uni.createFrom().item(false);
                }))
                .merge(Math.max(1, concurrency))
                .collect().asList()
                .map(results -> (int) results.stream().filter(Boolean::booleanValue).count());
    }

    /** Marks a row done with what {@code mark} writes, if the claim still holds. Returns whether it did. */
    public Uni<Boolean> done(Claim claim, Mark mark) {
        return done(claim, mark, null);
    }

    /**
     * Marks a row done, and publishes an event (an {@link Events#payload} for {@link Events#channel()}) in the same
     * statement, both only if the claim still holds. Returns whether it did.
     */
    public Uni<Boolean> done(Claim claim, Mark mark, String event) {
        return execute(claim, mark, event);
    }

    /** Whether a failure of this row parks it: when {@code parkNow} or it has failed too often. */
    public boolean parks(Claim claim, boolean parkNow) {
        return parkNow || backoff.parks(claim.failures());
    }

    /**
     * Counts a failed send: the row is due again after the backoff, or parked (see {@link #parks}); with it,
     * {@code mark} is written and {@code event} (nullable) published. All only if the claim still holds.
     */
    public Uni<Boolean> failed(Claim claim, OffsetDateTime now, String error, boolean parkNow, Mark mark,
            String event) {
        Mark next = parks(claim, parkNow) ? table.park(now)
                : Mark.of().set(table.due(), now.plus(backoff.after(claim.failures())));
        return execute(claim, Mark.of().sql("attempts = attempts + 1").set("last_error", error).and(next).and(mark),
                event);
    }

    private Uni<Boolean> execute(Claim claim, Mark mark, String event) {
        List<Object> values = new ArrayList<>(List.of(claim.id(), claim.claimId()));
        values.addAll(mark.values());
        String sql = table.markSql(mark);
        if (event != null) {
            sql = "WITH marked AS (" + sql + " RETURNING id) SELECT pg_notify($" + (values.size() + 1) + ", $"
                    + (values.size() + 2) + ") FROM marked";
            values.add(Events.channel());
            values.add(event);
        }
        return pool.preparedQuery(sql).execute(Tuple.from(values)).map(rows -> rows.rowCount() == 1);
    }
}
