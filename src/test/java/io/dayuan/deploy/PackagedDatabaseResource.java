package io.dayuan.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * For {@code @QuarkusIntegrationTest}s only: the packaged (prod) application has no embedded database, so the
 * test run starts one and hands its address to the launched jar or native binary as the standard
 * {@code quarkus.datasource.*} settings, exactly as a deployment does with {@code QUARKUS_DATASOURCE_*}.
 */
public class PackagedDatabaseResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL for the integration tests did not start", e);
        }
        int port = postgres.getPort();
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + port + "/postgres",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the temporary folder goes with the JVM
            }
        }
    }
}
