package io.dayuan.visits;

/** Where a visit stands, from request to the end of its window. */
public enum VisitStatus {
    REQUESTED,
    APPROVED,
    REJECTED,
    CANCELLED,
    CHECKED_IN,
    CHECKED_OUT,
    EXPIRED;

    /** A visit that may still bring the visitor in. */
    public boolean open() {
        return this == REQUESTED || this == APPROVED || this == CHECKED_IN;
    }
}
