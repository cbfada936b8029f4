package io.dayuan.platform;

import java.sql.SQLException;

import io.vertx.pgclient.PgException;

/**
 * The PostgreSQL SQLSTATE behind a failure, wherever Hibernate Reactive wrapped it: {@code 23505} unique,
 * {@code 23P01} exclusion constraint, {@code 23503} foreign key, {@code 23514} check.
 */
public final class SqlState {

    public static final String UNIQUE_VIOLATION = "23505";
    public static final String EXCLUSION_VIOLATION = "23P01";

    private SqlState() {
    }

    public static String of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && pg.getSqlState() != null) {
                return pg.getSqlState();
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    public static boolean is(Throwable failure, String state) {
        return state.equals(of(failure));
    }
}
