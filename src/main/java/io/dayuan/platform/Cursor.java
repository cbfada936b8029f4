package io.dayuan.platform;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of a list ordered by a time, then by id (which breaks ties), ends: an opaque string, URL-safe base64
 * of {@code instant|id}. Every paged list of the API uses it; {@link Page} holds the rest of the paging rules.
 */
public record Cursor(OffsetDateTime at, UUID id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((at.toInstant() + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor of an {@code after} argument; null for none, VALIDATION naming the field when malformed. */
    public static Cursor decode(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("not two parts");
            }
            return new Cursor(OffsetDateTime.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ApiException.validation(field, field + " is not a cursor this API gave out");
        }
    }
}
