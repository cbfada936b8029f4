package io.dayuan.rooms;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** How much a room was used in a period. */
@Description("How much a room was used in a period: booked hours over opening hours, and the no-show rate")
public class RoomUtilisation {

    @NonNull
    public Room room;

    @Description("Hours the room was open in the period (the configured opening hours, in the site's time zone)")
    public double availableHours;

    @Description("Hours of confirmed, checked-in and completed bookings within the opening hours")
    public double bookedHours;

    @Description("bookedHours / availableHours, from 0 to 1; 0 when the room was never open")
    public double utilisation;

    @Description("Bookings released because nobody checked in")
    public int released;

    @Description("Bookings that were checked in (including completed ones)")
    public int checkedIn;

    @Description("released / (released + checkedIn); null when no booking of the period reached its check-in")
    public Double noShowRate;
}
