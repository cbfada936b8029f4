package io.dayuan.platform.graphql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The values a careless or hostile client sends, per type of the schema: each is sent in place of one valid value
 * (a {@code null} entry is an explicit null).
 */
final class EdgeValues {

    private static final long TWO_TO_31 = 1L << 31;

    private EdgeValues() {
    }

    /** A value to try and what it is, for the failure report. */
    record Edge(String label, Object value) {
    }

    static List<Edge> ofScalar(String scalar) {
        return switch (scalar) {
            case "String" -> text();
            case "ID" -> ids();
            case "Int" -> List.of(new Edge("0", 0), new Edge("-1", -1), new Edge("2^31", TWO_TO_31),
                    new Edge("-2^31-1", -TWO_TO_31 - 1), new Edge("2^32+8", (1L << 32) + 8),
                    new Edge("2^53", 1L << 53), new Edge("1.5", 1.5), new Edge("null", null));
            case "Boolean" -> List.of(new Edge("\"yes\"", "yes"), new Edge("null", null));
            case "Date" -> List.of(new Edge("impossible", "2026-02-30"), new Edge("far past", "0000-01-01"),
                    new Edge("1900", "1900-01-01"), new Edge("far future", "9999-12-31"),
                    new Edge("furthest", "+999999999-12-31"), new Edge("not a date", "tomorrow"),
                    new Edge("empty", ""), new Edge("null", null));
            case "DateTime" -> List.of(new Edge("impossible", LocalDate.now().getYear() + "-02-30T10:00:00Z"),
                    new Edge("hour 25", "2030-01-01T25:00:00+08:00"), new Edge("far past", "0001-01-01T00:00:00Z"),
                    new Edge("far future", "9999-12-31T23:59:59Z"), new Edge("furthest", "+999999999-12-31T23:59:59Z"),
                    new Edge("no zone", "2030-01-01T10:00:00"), new Edge("not a time", "soon"),
                    new Edge("null", null));
            default -> List.of(new Edge("null", null));
        };
    }

    private static List<Edge> text() {
        return List.of(new Edge("empty", ""), new Edge("10000 characters", "x".repeat(10_000)),
                new Edge("NUL", "a\u0000b"), new Edge("escape", "a\u001b[2Jb"), new Edge("DEL", "a\u007fb"),
                new Edge("lone high surrogate", "a\ud83db"), new Edge("lone low surrogate", "\udc00"),
                new Edge("emoji", "园区 \ud83c\udfe2\ud83d\ude00"), new Edge("blank", "   "), new Edge("null", null));
    }

    private static List<Edge> ids() {
        return List.of(new Edge("empty", ""), new Edge("malformed", "not-an-id"), new Edge("unknown",
                UUID.randomUUID().toString()), new Edge("UUID with NUL", UUID.randomUUID() + "\u0000"),
                new Edge("lone surrogate", "\ud800"), new Edge("emoji", "\ud83d\ude00"),
                new Edge("300 characters", "0".repeat(300)), new Edge("null", null));
    }

    static List<Edge> ofEnum(List<String> values) {
        return List.of(new Edge("unknown enum value", "NO_SUCH_VALUE"), new Edge("lower case", values.get(0)
                .toLowerCase()), new Edge("empty", ""), new Edge("null", null));
    }

    /** A list instead of {@code [item]}: empty, huge (about {@code bytes} of JSON), null-containing, null. */
    static List<Edge> ofList(Object item, int itemBytes) {
        int huge = Math.max(2, Math.min(5_000, 40_000 / Math.max(1, itemBytes)));
        return List.of(new Edge("empty list", List.of()), new Edge(huge + " items", Collections.nCopies(huge, item)),
                new Edge("[null]", Collections.singletonList(null)), new Edge("[item, null]", Arrays.asList(item, null)),
                new Edge("null", null));
    }

    static List<Edge> ofInputObject() {
        return new ArrayList<>(List.of(new Edge("empty object", java.util.Map.of()), new Edge("null", null)));
    }
}
