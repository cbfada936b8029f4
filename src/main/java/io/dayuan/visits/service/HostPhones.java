package io.dayuan.visits.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.people.PhoneSharing;
import io.dayuan.platform.Clock;
import io.dayuan.platform.Roles;
import io.dayuan.visits.VisitsConfig;
import io.dayuan.visits.repository.VisitRepository;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * A guard may have to call the host of a visitor standing at the gate, so a guard reads the phone of a person who
 * hosts a visit at the gate now: checked in, or approved with its window open (from push-lead before it). Not the
 * hosts of tomorrow's visits, nor anyone else's phone.
 */
@ApplicationScoped
public class HostPhones implements PhoneSharing {

    @Inject
    VisitRepository visits;

    @Inject
    Clock clock;

    @Inject
    VisitsConfig config;

    @Override
    public Uni<Set<UUID>> sharedWith(SecurityIdentity caller, List<UUID> people) {
        if (!caller.hasRole(Roles.GUARD)) {
            return Uni.createFrom().item(Set.of());
        }
        OffsetDateTime now = clock.now();
        return visits.hostsAtTheGate(people, now, now.plus(config.pushLead())).map(Set::copyOf);
    }
}
