package io.dayuan.rooms;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** A live update of a room's schedule: fetch {@code roomSchedule} again for the details. */
@Description("A room's schedule changed: fetch roomSchedule again for the details")
public class RoomScheduleChanged {

    @Id
    @NonNull
    public String roomId;

    @Id
    @Description("The booking that changed (the first occurrence for a series)")
    public String bookingId;

    @NonNull
    public ScheduleChange change;
}
