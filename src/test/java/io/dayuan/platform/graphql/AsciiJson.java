package io.dayuan.platform.graphql;

import java.util.List;
import java.util.Map;

/**
 * JSON with every character outside printable ASCII written as its {@code \\u} escape of four hex digits: the only way to send a
 * lone surrogate (JSON allows its escape; UTF-8 cannot carry it), as a hostile client would.
 */
final class AsciiJson {

    private AsciiJson() {
    }

    static String encode(Object value) {
        StringBuilder json = new StringBuilder();
        write(json, value);
        return json.toString();
    }

    private static void write(StringBuilder json, Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            json.append(value);
        } else if (value instanceof Map<?, ?> map) {
            json.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.append(separator);
                write(json, String.valueOf(entry.getKey()));
                json.append(':');
                write(json, entry.getValue());
                separator = ",";
            }
            json.append('}');
        } else if (value instanceof List<?> list) {
            json.append('[');
            for (int i = 0; i < list.size(); i++) {
                json.append(i == 0 ? "" : ",");
                write(json, list.get(i));
            }
            json.append(']');
        } else {
            writeText(json, value.toString());
        }
    }

    private static void writeText(StringBuilder json, String text) {
        json.append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }
}
