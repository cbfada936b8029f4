package io.dayuan.rooms;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a booking stands")
public enum BookingStatus {
    PENDING,
    CONFIRMED,
    REJECTED,
    CANCELLED,
    CHECKED_IN,
    RELEASED,
    COMPLETED;

    /** Pending, confirmed and checked-in bookings hold their room: no other booking may overlap them. */
    public boolean holdsRoom() {
        return this == PENDING || this == CONFIRMED || this == CHECKED_IN;
    }
}
