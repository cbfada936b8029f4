package io.dayuan.rooms;

import org.eclipse.microprofile.graphql.Description;

@Description("What happened to a room's schedule")
public enum ScheduleChange {
    BOOKED,
    MOVED,
    CANCELLED,
    APPROVED,
    REJECTED,
    CHECKED_IN,
    RELEASED
}
