package io.dayuan.rooms;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Description("A meeting room of a site")
public class Room {

    @Id
    @GeneratedValue
    public UUID id;

    @Ignore
    public UUID siteId;

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
}
