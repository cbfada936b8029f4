package io.dayuan.platform;

import java.util.UUID;

/** GraphQL {@code ID}s are UUID strings; a malformed one is bad input of the field that carried it. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(field, field + " must be an ID (a UUID)");
        }
    }
}
