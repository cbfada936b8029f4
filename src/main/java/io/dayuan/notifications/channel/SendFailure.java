package io.dayuan.notifications.channel;

/** Why a message was not sent, and so what the worker does next. */
public class SendFailure extends RuntimeException {

    public enum Kind {
        /** The provider is down, slow or throttling: try again later. */
        TRANSIENT,
        /** The provider refused the message itself: trying again cannot help, park it. */
        PERMANENT,
        /** The address (a device token) is no longer valid: forget it. */
        BAD_ADDRESS
    }

    private final Kind kind;

    public SendFailure(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static SendFailure transientFailure(String message) {
        return new SendFailure(Kind.TRANSIENT, message);
    }

    /** The usual reading of an HTTP status: 408, 429 and 5xx are worth retrying, other 4xx are not. */
    public static SendFailure fromStatus(String provider, int status, String detail) {
        String message = provider + " answered HTTP " + status + (detail == null || detail.isBlank() ? ""
                : ": " + (detail.length() > 300 ? detail.substring(0, 300) : detail));
        boolean retry = status == 408 || status == 429 || status >= 500 || status == 401 || status == 403;
        return new SendFailure(retry ? Kind.TRANSIENT : Kind.PERMANENT, message);
    }
}
