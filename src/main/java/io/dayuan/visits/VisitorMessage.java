package io.dayuan.visits;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;

import org.hibernate.annotations.CreationTimestamp;

import io.dayuan.platform.Identified;

/** A text message to a visitor, who has no account: the outbox an SMS sender drains. Not a GraphQL type. */
@Entity
public class VisitorMessage extends Identified {

    public UUID visitId;

    public String phone;

    public String kind;

    public String body;

    @CreationTimestamp
    public OffsetDateTime createdAt;

    public OffsetDateTime sentAt;
}
