package io.dayuan.people;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * A feature that truly needs people's phones beyond the person and admins (a guard calling the host of a visit at
 * the gate) says so by implementing this; {@code Person.phone} answers null to anyone else (PIPL).
 */
public interface PhoneSharing {

    /** Of these people, those whose phone the caller, neither the person nor an admin, may read. */
    Uni<Set<UUID>> sharedWith(SecurityIdentity caller, List<UUID> people);
}
