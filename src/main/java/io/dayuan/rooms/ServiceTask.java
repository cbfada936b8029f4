package io.dayuan.rooms;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import io.dayuan.platform.Identified;

/** Work that a booking asks of the property company: service before the meeting, cleaning after it. */
@Entity
@Description("Work a booking asks of the property company: service before the meeting, cleaning after it")
public class ServiceTask extends Identified {

    @Ignore
    public UUID bookingId;

    @Ignore
    public UUID roomId;

    @Ignore
    public UUID siteId;

    @NonNull
    @Enumerated(EnumType.STRING)
    public ServiceKind kind;

    @NonNull
    @Description("When the task must be done: before the start, or at the end for cleaning")
    public OffsetDateTime dueAt;

    @NonNull
    @Enumerated(EnumType.STRING)
    public ServiceTaskStatus status;

    public OffsetDateTime doneAt;

    @Ignore
    public UUID doneBy;
}
