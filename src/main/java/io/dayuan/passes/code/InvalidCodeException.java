package io.dayuan.passes.code;

/** A text that is not a well-formed pass code; a scan of it is INVALID. */
public class InvalidCodeException extends Exception {

    public InvalidCodeException(String message) {
        super(message, null, false, false);
    }
}
