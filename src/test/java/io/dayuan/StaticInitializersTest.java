package io.dayuan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Quarkus initialises application classes while it builds the native image, so whatever a static initializer
 * makes is frozen into the image: a {@code SecureRandom} with its seed, a thread, a connection. This reads every
 * compiled application class and refuses such objects in {@code <clinit>}.
 */
class StaticInitializersTest {

    private static final Path CLASSES = Path.of("target/classes");
    private static final Set<String> RUN_TIME_ONLY = Set.of("java/security/SecureRandom", "java/util/Random",
            "java/util/SplittableRandom", "java/lang/Thread", "java/util/Timer", "java/net/Socket",
            "java/net/http/HttpClient", "java/util/concurrent/ThreadPoolExecutor",
            "java/util/concurrent/ScheduledThreadPoolExecutor");
    private static final Set<String> RUN_TIME_FACTORIES = Set.of("java/util/concurrent/Executors",
            "java/net/http/HttpClient", "java/util/concurrent/ThreadLocalRandom", "java/sql/DriverManager",
            "io/vertx/core/Vertx");

    @Test
    void noApplicationClassMakesARunTimeObjectInAStaticInitializer() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CLASSES.resolve("io/dayuan"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    new ClassReader(in).accept(new StaticInitializerScan(found), ClassReader.SKIP_DEBUG);
                }
            }
        }
        assertThat(found).as("run-time objects made in static initializers").isEmpty();
    }

    private static final class StaticInitializerScan extends ClassVisitor {
        private final List<String> found;
        private String className;

        StaticInitializerScan(List<String> found) {
            super(Opcodes.ASM9);
            this.found = found;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            className = name;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            if (!name.equals("<clinit>")) {
                return null;
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitTypeInsn(int opcode, String type) {
                    if (opcode == Opcodes.NEW && RUN_TIME_ONLY.contains(type)) {
                        found.add(className + ": new " + type);
                    }
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                    if (opcode == Opcodes.INVOKESTATIC && RUN_TIME_FACTORIES.contains(owner)) {
                        found.add(className + ": " + owner + "." + method);
                    }
                }
            };
        }
    }
}
