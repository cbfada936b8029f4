package io.dayuan.shape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The shape the project's lead holds the main code to (README, "Code layout"), as rules over source files. Each rule
 * answers the places that break it, as {@code path:line: what}; comments and literals never count.
 */
public final class CodeShape {

    public static final int MAX_LINES = 400;
    public static final int MAX_LAMBDA_DEPTH = 3;

    private static final Pattern FEATURE_REFERENCE = Pattern.compile("\\bio\\s*\\.\\s*dayuan\\s*\\.\\s*([a-z_][a-z0-9_]*)");
    private static final Pattern SYSTEM_CLOCK = Pattern.compile(
            "\\b(OffsetDateTime|Instant|LocalDate|LocalDateTime|ZonedDateTime)\\s*\\.\\s*now\\s*\\(");
    private static final Pattern PANACHE_TRANSACTION = Pattern.compile("\\bPanache\\s*\\.\\s*withTransaction\\s*\\(");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile(
            "@\\s*(org\\.eclipse\\.microprofile\\.config\\.inject\\.)?ConfigProperty\\b");

    private CodeShape() {
    }

    /** A source file: its path below the source root, with {@code /} between names, and its text. */
    public record Source(String path, String text) {

        String code() {
            return JavaText.code(text);
        }

        String at(int offset, String what) {
            return path + ":" + JavaText.lineOf(text, offset) + ": " + what;
        }
    }

    /** Every {@code .java} file below the root. */
    public static List<Source> read(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted()
                    .map(file -> new Source(root.relativize(file).toString().replace('\\', '/'), readString(file)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files over {@value #MAX_LINES} lines. */
    public static List<String> longClasses(List<Source> sources) {
        return sources.stream().filter(source -> source.text().lines().count() > MAX_LINES)
                .map(source -> source.path() + ": " + source.text().lines().count() + " lines").toList();
    }

    /** Lambdas in a {@code service/} class nested deeper than {@value #MAX_LAMBDA_DEPTH}. */
    public static List<String> deepLambdasInServices(List<Source> sources) {
        List<String> found = new ArrayList<>();
        sources.stream().filter(source -> source.path().contains("/service/")).forEach(source ->
                JavaText.lambdas(source.text()).stream().filter(lambda -> lambda.depth() > MAX_LAMBDA_DEPTH)
                        .forEach(lambda -> found.add(source.path() + ":" + lambda.line() + ": lambda at depth "
                                + lambda.depth())));
        return found;
    }

    /** References from {@code io.dayuan.platform} to a feature package ({@code io.dayuan.<feature>}). */
    public static List<String> platformReachingIntoFeatures(List<Source> sources) {
        List<String> found = new ArrayList<>();
        for (Source source : sources) {
            if (source.path().startsWith("io/dayuan/platform/")) {
                Matcher reference = FEATURE_REFERENCE.matcher(source.code());
                while (reference.find()) {
                    if (!reference.group(1).equals("platform")) {
                        found.add(source.at(reference.start(), "refers to io.dayuan." + reference.group(1)));
                    }
                }
            }
        }
        return found;
    }

    /** Reading the system clock anywhere but in {@code platform/Clock}. */
    public static List<String> systemClockReads(List<Source> sources) {
        return matches(sources.stream().filter(source -> !source.path().equals("io/dayuan/platform/Clock.java"))
                .toList(), SYSTEM_CLOCK);
    }

    /** Transactions opened by hand instead of {@code @WithTransaction}. */
    public static List<String> panacheTransactions(List<Source> sources) {
        return matches(sources, PANACHE_TRANSACTION);
    }

    /** Configuration injected key by key instead of through a feature's {@code @ConfigMapping}. */
    public static List<String> configProperties(List<Source> sources) {
        return matches(sources, CONFIG_PROPERTY);
    }

    private static List<String> matches(List<Source> sources, Pattern pattern) {
        List<String> found = new ArrayList<>();
        for (Source source : sources) {
            Matcher match = pattern.matcher(source.code());
            while (match.find()) {
                found.add(source.at(match.start(), match.group().replaceAll("\\s+", "")));
            }
        }
        return found;
    }
}
