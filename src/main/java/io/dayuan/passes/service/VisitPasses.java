package io.dayuan.passes.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.dayuan.visits.VisitApproved;
import io.dayuan.visits.VisitClosed;

/** Every approved visit gets its pass in the approving transaction; a cancelled or rejected one loses it. */
@ApplicationScoped
class VisitPasses {

    @Inject
    PassService passes;

    void issue(@Observes VisitApproved approved) {
        approved.andThen(() -> passes.issueVisitPass(approved.visitId(), approved.siteId(), approved.visitorName(),
                approved.plate(), approved.arriveFrom(), approved.arriveUntil()));
    }

    void revoke(@Observes VisitClosed closed) {
        closed.andThen(() -> passes.revokeVisitPass(closed.visitId(), "visit " + closed.status().name()));
    }
}
