package io.dayuan.dev;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Makes {@code ./mvnw quarkus:dev} and {@code ./mvnw verify} work on a machine with nothing installed:
 * in the dev and test profiles, when no database is configured it starts an embedded PostgreSQL, and when no
 * identity provider is configured it makes a throw-away signing key for the dev token issuer.
 * <p>
 * Quarkus builds its configuration several times, in more than one class loader, so what was started is kept
 * in system properties: one database and one key per JVM.
 */
public class DevEnvironmentConfig implements ConfigSourceFactory {

    static final String SIGNING_KEY = "dayuan.dev.token-signing-key";
    static final String ISSUER = "dayuan-dev-issuer";
    private static final String DB_PORT = "dayuan.dev.embedded-db-port";
    private static final String PUBLIC_KEY = "dayuan.dev.token-public-key";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        if (!profiles.contains("dev") && !profiles.contains("test")) {
            return List.of();
        }
        Map<String, String> values = new HashMap<>();
        if (!isSet(context, "quarkus.datasource.reactive.url") && !isSet(context, "quarkus.datasource.jdbc.url")) {
            values.putAll(embeddedDatabase());
        }
        if (!isSet(context, "quarkus.oidc.auth-server-url") && !isSet(context, "quarkus.oidc.public-key")) {
            values.putAll(devIssuer());
        }
        return List.of(new PropertiesConfigSource(values, "dayuan-dev-environment", 275));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(275);
    }

    private static boolean isSet(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static synchronized Map<String, String> embeddedDatabase() {
        String port = System.getProperty(DB_PORT);
        if (port == null) {
            port = String.valueOf(EmbeddedDatabase.start());
            System.setProperty(DB_PORT, port);
        }
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    private static synchronized Map<String, String> devIssuer() {
        if (System.getProperty(SIGNING_KEY) == null) {
            KeyPair pair = rsaKeyPair();
            Base64.Encoder base64 = Base64.getEncoder();
            System.setProperty(PUBLIC_KEY, base64.encodeToString(pair.getPublic().getEncoded()));
            System.setProperty(SIGNING_KEY, base64.encodeToString(pair.getPrivate().getEncoded()));
        }
        return Map.of(
                "quarkus.oidc.public-key", System.getProperty(PUBLIC_KEY),
                "quarkus.oidc.token.issuer", ISSUER,
                SIGNING_KEY, System.getProperty(SIGNING_KEY));
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
