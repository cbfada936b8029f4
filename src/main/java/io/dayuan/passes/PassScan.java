package io.dayuan.passes;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.annotations.CreationTimestamp;

import io.dayuan.gates.Direction;

/** One scan of a code at a gate, with what was decided and why. Ids are made by the scanner (uploads). */
@Entity
@Table(name = "pass_scan")
@Description("A scan of a pass code at a gate, online or uploaded after an offline scan")
public class PassScan {

    @Id
    @org.eclipse.microprofile.graphql.Id
    @NonNull
    public UUID id;

    @Ignore
    public UUID passId;

    @Ignore
    public UUID siteId;

    @Ignore
    public UUID gateId;

    @Ignore
    public UUID guardId;

    @NonNull
    @Enumerated(EnumType.STRING)
    public Direction direction;

    @NonNull
    @Enumerated(EnumType.STRING)
    public ScanDecision decision;

    @NonNull
    @Enumerated(EnumType.STRING)
    public ScanReason reason;

    @NonNull
    @Enumerated(EnumType.STRING)
    public ScanSource source;

    @NonNull
    @Description("An admit-once pass admitted more than once (offline scanners could not know)")
    public boolean flagged;

    @NonNull
    public OffsetDateTime scannedAt;

    @Ignore
    @CreationTimestamp
    public OffsetDateTime recordedAt;
}
