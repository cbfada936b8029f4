package io.dayuan.visitorpages;

import io.dayuan.platform.ApiException;

/**
 * A walk-up form field at fault, and why, in the words of the API's VALIDATION error (its field and message) so
 * that the form refuses exactly what {@code requestVisit} refuses; {@link #text} says it in the page's language.
 */
public record FieldError(String field, Kind kind, String apiMessage) {

    public enum Kind {
        REQUIRED, PHONE, PLATE, TOO_LONG, DATE, TIME, FROM_PAST, UNTIL_PAST, UNTIL_ORDER, WINDOW_LONG
    }

    /** The form field of an API error: the window's ends are the two time fields. */
    public static FieldError of(ApiException failure) {
        String field = switch (failure.field()) {
            case "arriveFrom" -> "fromTime";
            case "arriveUntil" -> "untilTime";
            default -> failure.field();
        };
        return new FieldError(field, kind(failure.field(), failure.getMessage()), failure.getMessage());
    }

    private static Kind kind(String field, String message) {
        if (message.endsWith("is required")) {
            return Kind.REQUIRED;
        }
        return switch (field) {
            case "visitorPhone", "hostPhone" -> Kind.PHONE;
            case "plate" -> Kind.PLATE;
            case "arriveFrom" -> Kind.FROM_PAST;
            case "arriveUntil" -> message.contains("future") ? Kind.UNTIL_PAST
                    : message.contains("after") ? Kind.UNTIL_ORDER : Kind.WINDOW_LONG;
            default -> Kind.TOO_LONG;
        };
    }

    public String text(VisitorText text) {
        return switch (kind) {
            case REQUIRED -> text.errRequired();
            case PHONE -> text.errPhone();
            case PLATE -> text.errPlate();
            case TOO_LONG -> text.errTooLong();
            case DATE -> text.errDate();
            case TIME -> text.errTime();
            case FROM_PAST -> text.errFromPast();
            case UNTIL_PAST -> text.errUntilPast();
            case UNTIL_ORDER -> text.errUntilOrder();
            case WINDOW_LONG -> text.errWindowLong();
        };
    }
}
