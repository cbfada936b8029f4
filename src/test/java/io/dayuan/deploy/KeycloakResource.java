package io.dayuan.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real Keycloak ({@code org.keycloak:keycloak-quarkus-dist}, unpacked by the {@code keycloak-e2e} Maven
 * profile) in dev mode on a free loopback port, with the project's realm file and the demo users imported into an
 * in-memory database, and points the packaged Dayuan at it ({@code quarkus.oidc.auth-server-url}). Stopped (with
 * its child processes) when the tests end.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    static final String HOME = "dayuan.keycloak.home";
    /** The realm file that the Keycloak component of k8s/ imports (its one copy) and the folder of the demo users. */
    static final String REALM_FILE = "dayuan.keycloak.realm-file";
    static final String DEMO_USERS_DIR = "dayuan.keycloak.demo-users-dir";
    static final String JAVA_HOME = "dayuan.keycloak.java-home";
    private static final Duration STARTUP = Duration.ofMinutes(6);

    /** The realm's base URL, e.g. {@code http://127.0.0.1:41234/realms/dayuan}, once started. */
    static volatile String realmUrl;

    private Process keycloak;

    @Override
    public Map<String, String> start() {
        Path home = Path.of(required(HOME));
        Path realm = Path.of(required(REALM_FILE));
        Path demoUsers = Path.of(required(DEMO_USERS_DIR));
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realm, imports.resolve("dayuan-realm.json"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.copy(demoUsers.resolve("dayuan-users-0.json"), imports.resolve("dayuan-users-0.json"),
                    StandardCopyOption.REPLACE_EXISTING);
            int port = freeLoopbackPort();
            ProcessBuilder builder = new ProcessBuilder(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--import-realm", "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + port,
                    "--health-enabled=false", "--metrics-enabled=false"))
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("keycloak-e2e.log").toFile());
            builder.environment().put("JAVA_HOME", System.getProperty(JAVA_HOME, "/usr/lib/jvm/temurin-25-jdk-amd64"));
            builder.environment().put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
            // A throw-away administrator of the in-memory master realm, on loopback, for the test's lifetime only
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "e2e-admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "e2e-admin-" + port);
            keycloak = builder.start();
            realmUrl = "http://127.0.0.1:" + port + "/realms/dayuan";
            awaitRealm(home);
            return Map.of(
                    "quarkus.oidc.auth-server-url", realmUrl,
                    "quarkus.oidc.client-id", "dayuan-mobile");
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("Keycloak did not start", e);
        }
    }

    @Override
    public void stop() {
        if (keycloak != null) {
            keycloak.descendants().forEach(ProcessHandle::destroy);
            keycloak.destroy();
            try {
                if (!keycloak.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    keycloak.descendants().forEach(ProcessHandle::destroyForcibly);
                    keycloak.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            keycloak = null;
        }
    }

    private void awaitRealm(Path home) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI discovery = URI.create(realmUrl + "/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!keycloak.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting; see " + home.resolve("keycloak-e2e.log"));
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(discovery).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        stop();
        throw new IllegalStateException("Keycloak did not serve the dayuan realm within " + STARTUP + "; see "
                + home.resolve("keycloak-e2e.log"));
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + " is not set: run with -Pkeycloak-e2e");
        }
        return value;
    }
}
