package io.dayuan.platform.outbox;

import java.time.OffsetDateTime;
import java.util.function.Function;

/**
 * Where an outbox lives. Its table has the columns {@code id}, {@code attempts} (failures so far),
 * {@code last_error}, {@code claim_id} and {@code claimed_until} (the lease), and a column saying when a row is due.
 * Built by name, then each part: {@code OutboxTable.named("visitor_message").dueIn("next_attempt_at")…}.
 */
public final class OutboxTable {

    private final String name;
    private final String due;
    private final String waiting;
    private final String read;
    private final Function<OffsetDateTime, Mark> park;
    private final String markedWhile;

    private OutboxTable(String name, String due, String waiting, String read, Function<OffsetDateTime, Mark> park,
            String markedWhile) {
        this.name = name;
        this.due = due;
        this.waiting = waiting;
        this.read = read;
        this.park = park;
        this.markedWhile = markedWhile;
    }

    /** An outbox table whose rows are due at {@code due_at}, all waiting, read whole, parked by nothing yet. */
    public static OutboxTable named(String name) {
        return new OutboxTable(name, "due_at", "TRUE", "SELECT * FROM claimed", now -> Mark.of(), "TRUE");
    }

    /** The column saying when a row is due. */
    public OutboxTable dueIn(String column) {
        return new OutboxTable(name, column, waiting, read, park, markedWhile);
    }

    /** Which rows wait to be sent, as a condition over the table aliased {@code c}. */
    public OutboxTable waiting(String condition) {
        return new OutboxTable(name, due, condition, read, park, markedWhile);
    }

    /** What a claim returns: a query over the claimed rows, {@code claimed}, with at least id and attempts. */
    public OutboxTable reading(String query) {
        return new OutboxTable(name, due, waiting, query, park, markedWhile);
    }

    /** What parking a row at a time writes. */
    public OutboxTable parking(Function<OffsetDateTime, Mark> parked) {
        return new OutboxTable(name, due, waiting, read, parked, markedWhile);
    }

    /** A further condition for marking a claimed row (a row taken back from the outbox meanwhile stays as it is). */
    public OutboxTable markedOnlyWhile(String condition) {
        return new OutboxTable(name, due, waiting, read, park, condition);
    }

    String claimSql() {
        return """
                WITH claimed AS (
                    UPDATE %1$s t SET claim_id = $1, claimed_until = $2::timestamptz + make_interval(secs => $3)
                    WHERE t.id IN (SELECT c.id FROM %1$s c
                                   WHERE %3$s AND c.%2$s <= $2
                                     AND (c.claimed_until IS NULL OR c.claimed_until < $2)
                                   ORDER BY c.%2$s LIMIT $4 FOR UPDATE SKIP LOCKED)
                    RETURNING t.*)
                %4$s""".formatted(name, due, waiting, read);
    }

    String markSql(Mark mark) {
        return "UPDATE %s SET %s, claim_id = NULL, claimed_until = NULL WHERE id = $1 AND claim_id = $2 AND %s"
                .formatted(name, mark.sql(3), markedWhile);
    }

    String name() {
        return name;
    }

    String due() {
        return due;
    }

    Mark park(OffsetDateTime now) {
        return park.apply(now);
    }
}
