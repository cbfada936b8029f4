package io.dayuan.rooms;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Transient;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.type.SqlTypes;

import io.dayuan.platform.Cursor;
import io.dayuan.platform.Identified;

/** A room held for a time span; each occurrence of a recurring booking is a booking of its own. */
@Entity
@Description("A room held for a time span; each occurrence of a recurring booking is one booking")
public class Booking extends Identified {

    @Ignore
    public UUID roomId;

    @Ignore
    public UUID organizerId;

    @Id
    @Description("Shared by the occurrences of a recurring booking; null for a single booking")
    public UUID seriesId;

    @NonNull
    public String title;

    @NonNull
    public OffsetDateTime startsAt;

    @NonNull
    public OffsetDateTime endsAt;

    @Ignore
    public OffsetDateTime heldUntil;

    @Description("How many people will attend")
    public Integer attendeeCount;

    @NonNull
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Description("Services requested from the property company")
    public List<@NonNull ServiceKind> services;

    @NonNull
    @Enumerated(EnumType.STRING)
    public BookingStatus status;

    @Description("Why an admin rejected the booking")
    public String rejectionReason;

    public OffsetDateTime checkedInAt;

    @Ignore
    @CreationTimestamp
    public OffsetDateTime createdAt;

    @Ignore
    @UpdateTimestamp
    public OffsetDateTime updatedAt;

    /** Only in the answer of bookRoom: dates of a recurring booking skipped because they clashed. */
    @Transient
    @NonNull
    @Description("Dates of the series that were skipped because they clashed (skipConflicts); only filled in the "
            + "answer of bookRoom")
    public List<@NonNull LocalDate> skippedDates = new ArrayList<>();

    @Description("Where a list of bookings goes on after this one: pass it as `after`")
    public @NonNull String getCursor() {
        return new Cursor(startsAt, id).encode();
    }
}
