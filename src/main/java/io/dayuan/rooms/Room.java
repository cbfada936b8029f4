package io.dayuan.rooms;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.dayuan.platform.Identified;

@Entity
@Description("A meeting room of a site")
public class Room extends Identified {

    @Ignore
    public UUID siteId;

    @NonNull
    public String name;

    @Description("Seats")
    public int capacity;

    @NonNull
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<@NonNull Equipment> equipment;

    @Description("Bookings wait for an admin's approval")
    public boolean requiresApproval;

    @Description("Minutes the room is kept free after a meeting for cleaning")
    public int cleanupMinutes;

    @Description("How many days ahead the room can be booked")
    public int horizonDays;

    @Description("The longest booking, in minutes")
    public int maxBookingMinutes;

    @Description("Check-in opens this many minutes before the start")
    public int checkInBeforeMinutes;

    @Description("Check-in closes this many minutes after the start; a booking not checked in by then is released")
    public int checkInAfterMinutes;

    @Ignore
    public String doorCode;
}
