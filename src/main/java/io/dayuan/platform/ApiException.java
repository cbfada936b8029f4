package io.dayuan.platform;

import java.util.Map;

/**
 * A failure the caller can act on: it reaches the client with its code, its message and, for bad input, the
 * input field at fault. Messages are for developers; the app shows its own text per code.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final String field;
    private final Map<String, Object> details;

    public ApiException(ErrorCode code, String message, String field) {
        this(code, message, field, Map.of());
    }

    /** With details the client can act on, added to {@code extensions} (e.g. the clashing dates of a booking). */
    public ApiException(ErrorCode code, String message, String field, Map<String, Object> details) {
        // expected failures need no stack trace
        super(message, null, false, false);
        this.code = code;
        this.field = field;
        this.details = Map.copyOf(details);
    }

    public static ApiException validation(String field, String message) {
        return new ApiException(ErrorCode.VALIDATION, message, field);
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " " + id + " does not exist", null);
    }

    public static ApiException conflict(String message) {
        return new ApiException(ErrorCode.CONFLICT, message, null);
    }

    public static ApiException conflict(String message, Map<String, Object> details) {
        return new ApiException(ErrorCode.CONFLICT, message, null, details);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(ErrorCode.FORBIDDEN, message, null);
    }

    public static ApiException rateLimited(String message) {
        return new ApiException(ErrorCode.RATE_LIMITED, message, null);
    }

    public ErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }

    public Map<String, Object> details() {
        return details;
    }
}
