package io.dayuan.notifications;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;

import io.dayuan.platform.ApiException;

/** Where a page of a newest-first list ends: a time and the id that breaks ties, as an opaque string. */
public record Cursor(OffsetDateTime at, UUID id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor of an {@code after} argument; null for none, VALIDATION naming the field when malformed. */
    public static Cursor decode(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|");
            return new Cursor(OffsetDateTime.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ApiException.validation(field, field + " is not a cursor this API gave out");
        }
    }

    /** The page size of a {@code first} argument: 1 to 100, VALIDATION otherwise. */
    public static int pageSize(String field, Integer first) {
        if (first == null) {
            return 20;
        }
        if (first < 1 || first > 100) {
            throw ApiException.validation(field, field + " must be between 1 and 100");
        }
        return first;
    }
}
