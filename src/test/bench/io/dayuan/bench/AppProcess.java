package io.dayuan.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.management.ThreadMXBean;
import com.sun.tools.attach.VirtualMachine;

/**
 * The packaged application (target/quarkus-app) in its own JVM, started as a deployment starts it: the prod build
 * with the database address and the keys in environment variables, listening on loopback only. The allocation
 * counters are read through the JVM's local management agent (attach API, no network port).
 */
final class AppProcess implements AutoCloseable {

    final Process process;
    final long startedNanos;
    private final JMXConnector jmx;
    private final ThreadMXBean threads;

    private AppProcess(Process process, long startedNanos) throws Exception {
        this.process = process;
        this.startedNanos = startedNanos;
        VirtualMachine vm = VirtualMachine.attach(Long.toString(process.pid()));
        try {
            String address = vm.startLocalManagementAgent();
            jmx = JMXConnectorFactory.connect(new JMXServiceURL(address));
        } finally {
            vm.detach();
        }
        MBeanServerConnection connection = jmx.getMBeanServerConnection();
        threads = ManagementFactory.newPlatformMXBeanProxy(connection, ManagementFactory.THREAD_MXBEAN_NAME,
                ThreadMXBean.class);
    }

    /** Starts the jar and returns once its JVM can be attached to (not once it answers). */
    static AppProcess start(Path jar, Map<String, String> env, List<String> jvmOptions, Path log) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        long started = System.nanoTime();
        Process process = builder.start();
        for (int attempt = 0;; attempt++) {
            try {
                return new AppProcess(process, started);
            } catch (Exception notYet) {
                if (!process.isAlive() || attempt > 200) {
                    process.destroyForcibly();
                    throw new IllegalStateException("The application did not start, see " + log, notYet);
                }
                Thread.sleep(50);
            }
        }
    }

    /** Bytes allocated so far by the application's live threads. */
    long allocatedBytes() throws IOException {
        long[] ids = threads.getAllThreadIds();
        return Arrays.stream(threads.getThreadAllocatedBytes(ids)).filter(b -> b > 0).sum();
    }

    /** Resident set size of the process, from /proc (Linux). */
    long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    @Override
    public void close() throws Exception {
        try {
            jmx.close();
        } catch (IOException ignored) {
            // the process goes anyway
        }
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static File logFile(Path dir, String name) {
        return dir.resolve(name).toFile();
    }
}
