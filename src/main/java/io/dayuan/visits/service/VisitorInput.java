package io.dayuan.visits.service;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import io.dayuan.platform.ApiException;

/** Checks and normalises what visitors and hosts type: phones, plates, ID cards, companions, windows. */
public final class VisitorInput {

    /** 省、自治区、直辖市 abbreviations that open a civilian plate. */
    private static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    /** Plate letters: the Latin alphabet without I and O (they read as 1 and 0). */
    private static final String LETTER = "A-HJ-NP-Z";
    /**
     * A blue/yellow plate: province, issuing-office letter, five of letters and digits (the last may be 挂 学 警 港
     * 澳 for trailers, coaches, police, Hong Kong and Macao vehicles). A green new-energy plate: province, letter,
     * then six: D/F then a letter-or-digit and four digits (small cars), or five digits then D/F (large vehicles).
     */
    private static final Pattern PLATE = Pattern.compile("^[" + PROVINCES + "][" + LETTER + "](?:"
            + "[" + LETTER + "0-9]{4}[" + LETTER + "0-9挂学警港澳]"
            + "|[DF][" + LETTER + "0-9][0-9]{4}"
            + "|[0-9]{5}[DF])$");
    private static final Pattern PLATE_NOISE = Pattern.compile("[\\s.·•\\-_]");
    private static final Pattern ID_CARD = Pattern.compile("^[1-9][0-9]{16}[0-9X]$");
    private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final char[] ID_CHECK = "10X98765432".toCharArray();
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    public static final Duration MAX_WINDOW = Duration.ofDays(7);
    public static final int MAX_COMPANIONS = 20;

    private VisitorInput() {
    }

    /** A mainland Chinese mobile number in E.164 (+86...), checked with libphonenumber's metadata. */
    public static String mobile(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.validation(field, field + " is required");
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        PhoneNumber number;
        try {
            number = util.parse(raw.strip(), "CN");
        } catch (NumberParseException e) {
            throw ApiException.validation(field, field + " is not a phone number");
        }
        PhoneNumberType type = util.getNumberType(number);
        if (!util.isValidNumberForRegion(number, "CN")
                || (type != PhoneNumberType.MOBILE && type != PhoneNumberType.FIXED_LINE_OR_MOBILE)) {
            throw ApiException.validation(field, field + " is not a Chinese mobile number");
        }
        return util.format(number, PhoneNumberFormat.E164);
    }

    /** The plate upper case without spaces, dots or dashes; null when none was given. */
    public static String plate(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String plate = PLATE_NOISE.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT);
        if (!PLATE.matcher(plate).matches()) {
            throw ApiException.validation(field, field + " is not a Chinese licence plate");
        }
        return plate;
    }

    /** An 18-character resident ID-card number with a valid birth date and check character (GB 11643). */
    public static String idCard(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String id = raw.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (!ID_CARD.matcher(id).matches()) {
            throw ApiException.validation(field, field + " is not an 18-character ID card number");
        }
        try {
            LocalDate.parse(id.substring(6, 14), BIRTH_DATE);
        } catch (DateTimeParseException e) {
            throw ApiException.validation(field, field + " has no valid birth date");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        if (ID_CHECK[sum % 11] != id.charAt(17)) {
            throw ApiException.validation(field, field + " has a wrong check character");
        }
        return id;
    }

    /** A window that starts in the future, ends after it starts, and lasts at most seven days. */
    public static void window(OffsetDateTime now, OffsetDateTime from, OffsetDateTime until) {
        if (from == null) {
            throw ApiException.validation("arriveFrom", "arriveFrom is required");
        }
        if (until == null) {
            throw ApiException.validation("arriveUntil", "arriveUntil is required");
        }
        if (!until.isAfter(now)) {
            throw ApiException.validation("arriveUntil", "arriveUntil must be in the future");
        }
        if (from.isBefore(now.minusMinutes(5))) {
            throw ApiException.validation("arriveFrom", "arriveFrom must not be in the past");
        }
        if (!until.isAfter(from)) {
            throw ApiException.validation("arriveUntil", "arriveUntil must be after arriveFrom");
        }
        if (Duration.between(from, until).compareTo(MAX_WINDOW) > 0) {
            throw ApiException.validation("arriveUntil", "a visit lasts at most 7 days");
        }
    }

    /** Names stripped and non-blank; the count at least the number of names. */
    public static List<String> companionNames(List<String> names) {
        if (names == null) {
            return List.of();
        }
        if (names.size() > MAX_COMPANIONS) {
            throw ApiException.validation("companionNames", "at most " + MAX_COMPANIONS + " companions");
        }
        List<String> stripped = names.stream().map(name -> name == null ? "" : name.strip()).toList();
        for (int i = 0; i < stripped.size(); i++) {
            if (stripped.get(i).isEmpty() || stripped.get(i).length() > 100) {
                throw ApiException.validation("companionNames." + i, "a companion's name is 1 to 100 characters");
            }
        }
        return stripped;
    }

    public static int companionCount(Integer count, List<String> names) {
        int value = count == null ? names.size() : count;
        if (value < names.size() || value > MAX_COMPANIONS) {
            throw ApiException.validation("companionCount",
                    "companionCount is at least the number of companion names and at most " + MAX_COMPANIONS);
        }
        return value;
    }
}
