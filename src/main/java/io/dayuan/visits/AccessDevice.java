package io.dayuan.visits;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Transient;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import io.dayuan.gates.Direction;
import io.dayuan.platform.Identified;

/** A face terminal or plate camera at a gate. Its password and event secret never leave the server. */
@Entity
@Description("A face terminal or plate camera at a gate")
public class AccessDevice extends Identified {

    @Ignore
    public UUID gateId;

    @Ignore
    public UUID siteId;

    @NonNull
    public String name;

    @NonNull
    @Enumerated(EnumType.STRING)
    public DeviceKind kind;

    @NonNull
    @Enumerated(EnumType.STRING)
    public DeviceVendor vendor;

    @NonNull
    @Enumerated(EnumType.STRING)
    @Description("Whether the device lets people in or out (events may say otherwise)")
    public Direction direction;

    @NonNull
    public String baseUrl;

    public String username;

    @Ignore
    public byte[] passwordNonce;

    @Ignore
    public byte[] passwordCipher;

    @NonNull
    public String serialNumber;

    @Ignore
    public String eventSecretHash;

    @Ignore
    @org.hibernate.annotations.CreationTimestamp
    public OffsetDateTime createdAt;

    /** The secret the device authenticates its events with: only in the answer to registerAccessDevice. */
    @Transient
    @Description("The secret the device must send with its events (HTTP Basic, user = device id); only in the "
            + "answer to registerAccessDevice")
    public String eventSecret;
}
