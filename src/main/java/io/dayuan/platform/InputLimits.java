package io.dayuan.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * The limits every input of Dayuan is held to, whichever way it arrives (GraphQL arguments through
 * {@code platform/graphql/ArgumentCheck}, device events over REST): text lengths by field name, the characters text
 * may hold, the integer range and the range of dates. The README lists the same numbers.
 */
public final class InputLimits {

    /** A text field not listed in {@link #TEXT_LENGTHS}. */
    public static final int DEFAULT_TEXT_LENGTH = 200;

    /** Dates and times further than this from today are refused: no booking, menu or scan is that far off. */
    public static final int DATE_RANGE_YEARS = 5;

    /** Maximum length in characters (code points) of a text field, by its name in the schema. */
    private static final Map<String, Integer> TEXT_LENGTHS = Map.ofEntries(
            Map.entry("name", 100), Map.entry("holderName", 100), Map.entry("visitorName", 100),
            Map.entry("companionNames", 100), Map.entry("value", 100), Map.entry("title", 200),
            Map.entry("reason", 500), Map.entry("note", 500), Map.entry("purpose", 500), Map.entry("comment", 500),
            Map.entry("text", 1000), Map.entry("answer", 1000), Map.entry("photoUrl", 500),
            Map.entry("baseUrl", 500), Map.entry("code", 400), Map.entry("token", 4096),
            Map.entry("plate", 20), Map.entry("visitorPhone", 32), Map.entry("hostPhone", 32),
            Map.entry("visitorIdCard", 32), Map.entry("timeZone", 64), Map.entry("doorCode", 64),
            Map.entry("body", 2000), Map.entry("address", 200), Map.entry("visitorDirections", 1000));

    private InputLimits() {
    }

    /** The longest text accepted for a field, named by its last part ({@code input.visitorName}: visitorName). */
    public static int maxLength(String field) {
        String name = field.substring(field.lastIndexOf('.') + 1);
        return TEXT_LENGTHS.getOrDefault(name, DEFAULT_TEXT_LENGTH);
    }

    /**
     * Refuses text that PostgreSQL cannot store or that no client means to send: NUL and the other control
     * characters except tab, line feed and carriage return, lone surrogates (half an emoji), and text longer than
     * the field's maximum.
     */
    public static void checkText(String field, String text) {
        checkText(field, text, maxLength(field));
    }

    public static void checkText(String field, String text, int maxLength) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                throw ApiException.validation(field, field + " must not contain control characters");
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(++i)))
                    || Character.isLowSurrogate(c)) {
                throw ApiException.validation(field, field + " must not contain a lone surrogate");
            }
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw ApiException.validation(field, field + " must be at most " + maxLength + " characters");
        }
    }

    /**
     * Integers are whole and 32-bit: a larger number is refused, never cut down to its low bits, and a fraction is
     * refused, never rounded (SmallRye would fail on it deep in its argument conversion).
     */
    public static void checkInt(String field, Number value) {
        BigDecimal number = new BigDecimal(value.toString());
        if (number.stripTrailingZeros().scale() > 0) {
            throw ApiException.validation(field, field + " must be a whole number");
        }
        if (number.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0
                || number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw ApiException.validation(field, field + " is outside the 32-bit integer range");
        }
    }

    /** A date within {@link #DATE_RANGE_YEARS} years of today (either way). */
    public static void checkDate(String field, LocalDate date, LocalDate today) {
        LocalDate earliest = today.minusYears(DATE_RANGE_YEARS);
        LocalDate latest = today.plusYears(DATE_RANGE_YEARS);
        if (date.isBefore(earliest) || date.isAfter(latest)) {
            throw ApiException.validation(field, field + " must be between " + earliest + " and " + latest);
        }
    }
}
