package io.dayuan.visits.service;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.gates.Direction;
import io.dayuan.gates.Gate;
import io.dayuan.gates.GateEvent;
import io.dayuan.gates.GateEventKind;
import io.dayuan.gates.PassageSource;
import io.dayuan.gates.SubjectKind;
import io.dayuan.gates.repository.GateRepository;
import io.dayuan.gates.service.GateEvents;
import io.dayuan.gates.service.GatePassages;
import io.dayuan.gates.service.GatePassages.Passage;
import io.dayuan.notifications.service.Notifier;
import io.dayuan.people.Person;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Clock;
import io.dayuan.visits.Visit;
import io.dayuan.visits.VisitStatus;
import io.dayuan.visits.VisitsConfig;
import io.dayuan.visits.repository.VisitRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** A visitor at the gate: let in or out by a guard, or seen by a device; each time a gate passage. */
@ApplicationScoped
public class VisitGate {

    @Inject
    VisitRepository visits;

    @Inject
    GateRepository gates;

    @Inject
    Clock clock;

    @Inject
    Notifier notifier;

    @Inject
    GateEvents gateEvents;

    @Inject
    GatePassages passages;

    @Inject
    VisitsConfig config;

    /** A guard lets a visitor in by hand. */
    @WithTransaction
    public Uni<Visit> checkInByGuard(Person guard, UUID id, UUID gateId) {
        OffsetDateTime now = clock.now();
        return atGate(id, gateId).chain(visit -> enter(visit, gateId, PassageSource.GUARD, guard.id, now, true));
    }

    @WithTransaction
    public Uni<Visit> checkOutByGuard(Person guard, UUID id, UUID gateId) {
        OffsetDateTime now = clock.now();
        return atGate(id, gateId).chain(visit -> leave(visit, gateId, PassageSource.GUARD, guard.id, now, true));
    }

    /** The visit (NOT_FOUND when there is none), if the gate (NOT_FOUND) is at its site. */
    private Uni<Visit> atGate(UUID id, UUID gateId) {
        return visits.require(id).call(visit -> gateOf(visit, gateId));
    }

    private Uni<Gate> gateOf(Visit visit, UUID gateId) {
        return gates.findById(gateId).map(gate -> {
            if (gate == null) {
                throw ApiException.notFound("Gate", gateId);
            }
            if (!gate.siteId.equals(visit.siteId)) {
                throw ApiException.validation("gateId", "the gate is not at the visit's site");
            }
            return gate;
        });
    }

    /**
     * The visitor comes in: the first entry checks the visit in and tells the host; a re-entry after leaving is
     * a passage again. Inside the caller's transaction. {@code strict} refuses (CONFLICT) what a device event
     * merely records as denied.
     */
    public Uni<Visit> enter(Visit visit, UUID gateId, PassageSource source, UUID recordedBy, OffsetDateTime at,
            boolean strict) {
        boolean admissible = (visit.status == VisitStatus.APPROVED || visit.status == VisitStatus.CHECKED_OUT)
                && !at.isBefore(visit.arriveFrom.minus(config.pushLead())) && at.isBefore(visit.arriveUntil);
        if (!admissible) {
            if (strict) {
                throw ApiException.conflict("A " + visit.status + " visit cannot enter now");
            }
            return gateEvents.publish(new GateEvent(GateEventKind.DENIED, visit.siteId.toString(),
                    gateId.toString(), Direction.IN, visit.visitorName, visit.plate,
                    "Visit " + visit.status + " is not admissible now", at)).replaceWith(visit);
        }
        boolean first = visit.checkedInAt == null;
        visit.status = VisitStatus.CHECKED_IN;
        if (first) {
            visit.checkedInAt = at;
        }
        return passages.record(passage(visit, gateId, Direction.IN, source, recordedBy, at))
                .chain(() -> first ? notifier.notify(visit.hostId, VisitTexts.arrived(visit))
                        : Uni.createFrom().voidItem())
                .replaceWith(visit);
    }

    /** The visitor goes out: the visit is checked out (they may come in again within the window). */
    public Uni<Visit> leave(Visit visit, UUID gateId, PassageSource source, UUID recordedBy, OffsetDateTime at,
            boolean strict) {
        if (visit.status != VisitStatus.CHECKED_IN) {
            if (strict) {
                throw ApiException.conflict("A " + visit.status + " visit is not inside");
            }
            return Uni.createFrom().item(visit);
        }
        visit.status = VisitStatus.CHECKED_OUT;
        visit.checkedOutAt = at;
        return passages.record(passage(visit, gateId, Direction.OUT, source, recordedBy, at)).replaceWith(visit);
    }

    private static Passage passage(Visit visit, UUID gateId, Direction direction, PassageSource source,
            UUID recordedBy, OffsetDateTime at) {
        return new Passage(visit.siteId, gateId, direction, source, SubjectKind.VISITOR, "visit:" + visit.id,
                visit.visitorName, visit.plate, null, visit.id, null, recordedBy, at);
    }
}
