package io.dayuan;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Counts the SQL statements Hibernate Reactive sends: every statement goes through Hibernate's statement logger
 * (category org.hibernate.SQL, DEBUG), which this switches on for the duration and listens to.
 */
public final class SqlStatements implements AutoCloseable {

    private static final Logger SQL = Logger.getLogger("org.hibernate.SQL");

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final Level level = SQL.getLevel();
    private final boolean parentHandlers = SQL.getUseParentHandlers();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            statements.add(String.valueOf(record.getMessage()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private SqlStatements() {
        handler.setLevel(Level.ALL);
        SQL.addHandler(handler);
        SQL.setUseParentHandlers(false);
        SQL.setLevel(Level.FINE);
    }

    public static SqlStatements record() {
        return new SqlStatements();
    }

    /** The statements that read or write the given tables (as whole words). */
    public List<String> touching(String... tables) {
        String pattern = "(?is).*\\b(" + String.join("|", tables) + ")\\b.*";
        return statements.stream().filter(sql -> sql.matches(pattern)).toList();
    }

    public List<String> all() {
        return List.copyOf(statements);
    }

    @Override
    public void close() {
        SQL.removeHandler(handler);
        SQL.setLevel(level);
        SQL.setUseParentHandlers(parentHandlers);
    }
}
