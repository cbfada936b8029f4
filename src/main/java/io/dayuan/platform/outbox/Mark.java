package io.dayuan.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * What marking a claimed outbox row writes besides releasing the claim: column assignments, either plain SQL
 * ({@code status = 'SENT'}) or a column and its value (bound as a parameter, never spliced into the SQL).
 */
public final class Mark {

    private record Assignment(String sql, boolean bound) {
    }

    private final List<Assignment> assignments = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    private Mark() {
    }

    /** A mark with nothing to write yet. */
    public static Mark of() {
        return new Mark();
    }

    /** Adds an assignment written in SQL, e.g. {@code last_error = NULL}. */
    public Mark sql(String assignment) {
        assignments.add(new Assignment(assignment, false));
        return this;
    }

    /** Sets a column to a value (which may be null). */
    public Mark set(String column, Object value) {
        assignments.add(new Assignment(column, true));
        values.add(value);
        return this;
    }

    /** This mark followed by the assignments of another. */
    Mark and(Mark other) {
        Mark both = new Mark();
        both.assignments.addAll(assignments);
        both.assignments.addAll(other.assignments);
        both.values.addAll(values);
        both.values.addAll(other.values);
        return both;
    }

    /** The SET list, its parameters numbered from {@code first}. */
    String sql(int first) {
        StringJoiner set = new StringJoiner(", ");
        int next = first;
        for (Assignment assignment : assignments) {
            set.add(assignment.bound() ? assignment.sql() + " = $" + next++ : assignment.sql());
        }
        return set.toString();
    }

    List<Object> values() {
        return values;
    }
}
