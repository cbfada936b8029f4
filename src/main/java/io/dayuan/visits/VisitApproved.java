package io.dayuan.visits;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * Fired (synchronously, as a CDI event) inside the transaction that approves a visit: by inviteVisitor and by
 * approveVisit. An observer that needs to write in the same transaction (e.g. to issue the visit's pass) adds its
 * work with {@link #andThen}: the visits service runs it before committing, in the same Hibernate Reactive session.
 */
public record VisitApproved(UUID visitId, UUID siteId, String visitorName, String plate, OffsetDateTime arriveFrom,
        OffsetDateTime arriveUntil, List<Supplier<Uni<?>>> followUps) {

    public VisitApproved(UUID visitId, UUID siteId, String visitorName, String plate, OffsetDateTime arriveFrom,
            OffsetDateTime arriveUntil) {
        this(visitId, siteId, visitorName, plate, arriveFrom, arriveUntil, new ArrayList<>());
    }

    /** Work to do in the approving transaction, after the visit is saved. */
    public void andThen(Supplier<Uni<?>> work) {
        followUps.add(work);
    }
}
