package io.dayuan.notifications.channel;

import io.vertx.core.json.JsonObject;

/** Reading the JSON answers of the Chinese providers, which say "no" in the body as often as in the status. */
final class ProviderAnswer {

    private ProviderAnswer() {
    }

    /** The body as JSON, or an empty object when it is not JSON (a proxy's error page). */
    static JsonObject json(String text) {
        try {
            return text == null || text.isBlank() ? new JsonObject() : new JsonObject(text);
        } catch (RuntimeException notJson) {
            return new JsonObject();
        }
    }

    /** A numeric code at the key (DingTalk's {@code errcode}, Huawei's {@code code} as a string), or the fallback. */
    static long code(JsonObject answer, String key, long fallback) {
        Object code = answer.getValue(key);
        if (code instanceof Number number) {
            return number.longValue();
        }
        try {
            return code == null ? fallback : Long.parseLong(code.toString());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static String shorten(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) : text;
    }
}
