package io.dayuan.visits.service;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.people.Person;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Clock;
import io.dayuan.visits.Visit;
import io.dayuan.visits.VisitStatus;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The host (or an admin) approves or rejects a requested visit while its window lasts; the visitor gets a text. */
@ApplicationScoped
public class VisitDecisions {

    @Inject
    Clock clock;

    @Inject
    VisitSteps steps;

    @Inject
    VisitorMessages messages;

    @WithTransaction
    public Uni<Visit> approve(Person caller, boolean admin, UUID id) {
        OffsetDateTime now = clock.now();
        return decidable(caller, admin, id, now).chain(visit -> {
            visit.status = VisitStatus.APPROVED;
            visit.decidedBy = caller.id;
            return steps.zoneOf(visit)
                    .chain(zone -> messages.send(visit, "VISIT_APPROVED", VisitTexts.approved(visit, zone)))
                    .chain(() -> steps.approved(visit, now)).replaceWith(visit);
        });
    }

    @WithTransaction
    public Uni<Visit> reject(Person caller, boolean admin, UUID id, String reason) {
        OffsetDateTime now = clock.now();
        return decidable(caller, admin, id, now).chain(visit -> {
            visit.status = VisitStatus.REJECTED;
            visit.decidedBy = caller.id;
            visit.rejectReason = reason == null || reason.isBlank() ? null : reason.strip();
            return steps.zoneOf(visit)
                    .chain(zone -> messages.send(visit, "VISIT_REJECTED", VisitTexts.rejected(visit, zone)))
                    .chain(() -> steps.closed(visit, now, "REJECTED")).replaceWith(visit);
        });
    }

    private Uni<Visit> decidable(Person caller, boolean admin, UUID id, OffsetDateTime now) {
        return steps.hosted(caller, admin, id).map(visit -> {
            if (visit.status != VisitStatus.REQUESTED) {
                throw ApiException.conflict("The visit is " + visit.status + ", not REQUESTED");
            }
            if (!visit.arriveUntil.isAfter(now)) {
                throw ApiException.conflict("The visit's window is over");
            }
            return visit;
        });
    }
}
