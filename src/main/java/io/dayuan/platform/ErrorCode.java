package io.dayuan.platform;

/** The {@code extensions.code} of every GraphQL error, as the mobile contract fixes them. */
public enum ErrorCode {
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    VALIDATION,
    CONFLICT,
    RATE_LIMITED,
    INTERNAL
}
