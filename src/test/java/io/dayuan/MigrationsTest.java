package io.dayuan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Flyway refuses a migration whose version is below one a database has already applied, so migrations form one
 * global sequence: {@code V<n>__<what>.sql}, n a whole number. {@code src/test/resources/db/released-migrations.txt}
 * lists what is on main with each file's SHA-256; a new migration must come after all of them, and a released one
 * never changes. Adding a migration: take the next number, then append its line to the list.
 */
class MigrationsTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path RELEASED = Path.of("src/test/resources/db/released-migrations.txt");
    private static final Pattern NAME = Pattern.compile("V([1-9][0-9]*)__[a-z0-9_]+\\.sql");

    @Test
    void everyMigrationHasItsOwnWholeNumberVersion() throws IOException {
        Map<Integer, String> versions = new TreeMap<>();
        for (String file : migrationFiles()) {
            Matcher matcher = NAME.matcher(file);
            assertThat(matcher.matches()).as(file + " is not named V<n>__<snake_case>.sql").isTrue();
            String clash = versions.put(Integer.parseInt(matcher.group(1)), file);
            assertThat(clash).as("two migrations with the version of " + file).isNull();
        }
    }

    @Test
    void releasedMigrationsStayAsTheyWereAndNewOnesComeAfterThem() throws IOException {
        int lastReleased = 0;
        for (String line : Files.readAllLines(RELEASED)) {
            String[] parts = line.split(" ");
            Path file = MIGRATIONS.resolve(parts[0]);
            assertThat(file).as("released migration " + parts[0] + " was renamed or removed").exists();
            assertThat(sha256(file)).as("released migration " + parts[0] + " was changed").isEqualTo(parts[1]);
            lastReleased = Math.max(lastReleased, version(parts[0]));
        }
        List<String> released = Files.readAllLines(RELEASED).stream().map(line -> line.split(" ")[0]).toList();
        for (String file : migrationFiles()) {
            if (!released.contains(file)) {
                assertThat(version(file)).as(file + " must be numbered after every released migration")
                        .isGreaterThan(lastReleased);
            }
        }
    }

    private static List<String> migrationFiles() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static int version(String file) {
        Matcher matcher = NAME.matcher(file);
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
