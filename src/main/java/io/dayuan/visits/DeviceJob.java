package io.dayuan.visits;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.hibernate.annotations.CreationTimestamp;

import io.dayuan.platform.Identified;

/** One thing a device must be told about a visit: a row of the durable outbox. Not a GraphQL type. */
@Entity
public class DeviceJob extends Identified {

    public enum Status {
        PENDING,
        DONE,
        FAILED,
        CANCELLED
    }

    public UUID visitId;

    public UUID deviceId;

    @Enumerated(EnumType.STRING)
    public DeviceAction action;

    @Enumerated(EnumType.STRING)
    public Status status;

    public OffsetDateTime dueAt;

    public int attempts;

    public OffsetDateTime lockedUntil;

    public String lastError;

    public OffsetDateTime doneAt;

    @CreationTimestamp
    public OffsetDateTime createdAt;
}
