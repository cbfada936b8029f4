package io.dayuan.visits;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A visit's face photo, encrypted. Never a GraphQL type, never returned by any API. */
@Entity
public class VisitFace {

    @Id
    public UUID visitId;

    public String contentType;

    public byte[] nonce;

    public byte[] ciphertext;

    public OffsetDateTime uploadedAt;
}
