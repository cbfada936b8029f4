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
            return messages.send(visit, "VISIT_APPROVED",
                    "您于 " + VisitService.window(visit) + " 的来访申请已获批准。",
                    "Your visit " + VisitService.window(visit) + " is approved.")
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
            return messages.send(visit, "VISIT_REJECTED",
                    "很抱歉，您于 " + VisitService.window(visit) + " 的来访申请未获批准。",
                    "Sorry, your visit " + VisitService.window(visit) + " was not approved.")
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
