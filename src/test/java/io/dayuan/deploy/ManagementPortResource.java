package io.dayuan.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A free port for the packaged application's management interface (health and metrics), as a deployment sets
 * {@code QUARKUS_MANAGEMENT_PORT}: the launched jar does not take the test profile's random management port, and
 * 9000 may be taken on the machine.
 */
public class ManagementPortResource implements QuarkusTestResourceLifecycleManager {

    private static volatile int port;

    @Override
    public Map<String, String> start() {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.management.port", String.valueOf(port));
    }

    /** The management interface's root, {@code /q/}. */
    static String root() {
        return "http://localhost:" + port + "/q/";
    }

    @Override
    public void stop() {
        // nothing runs here: the port is the application's
    }
}
