package io.dayuan.visits;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.hibernate.annotations.CreationTimestamp;

import io.dayuan.platform.Identified;

/**
 * One thing a device must be told about a visit: a row of the durable outbox. Its lease (claim_id, claimed_until)
 * is not mapped: only the device worker writes it. Not a GraphQL type.
 */
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

    /** Failed attempts so far. */
    public int attempts;

    public String lastError;

    public OffsetDateTime doneAt;

    @CreationTimestamp
    public OffsetDateTime createdAt;
}
