package io.dayuan.gates.service;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.gates.Direction;
import io.dayuan.gates.GateEvent;
import io.dayuan.gates.GateEventKind;
import io.dayuan.gates.GatePassage;
import io.dayuan.gates.PassageSource;
import io.dayuan.gates.SubjectKind;
import io.dayuan.gates.repository.GatePassageRepository;
import io.dayuan.platform.Clock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Records passages through gates, whatever saw them, so that the site's presence and live feed are one.
 * Call it in the transaction of the scan or device event that observed the passage.
 */
@ApplicationScoped
public class GatePassages {

    @Inject
    Clock clock;

    /** What was seen: the subject key identifies one person, visit, pass or plate across passages. */
    public record Passage(UUID siteId, UUID gateId, Direction direction, PassageSource source,
            SubjectKind subjectKind, String subjectKey, String holderName, String plate, UUID personId,
            UUID visitId, UUID passId, UUID recordedBy, OffsetDateTime passedAt) {
    }

    @Inject
    GatePassageRepository repository;

    @Inject
    GateEvents events;

    @WithTransaction
    public Uni<GatePassage> record(Passage seen) {
        GatePassage passage = new GatePassage();
        passage.siteId = seen.siteId();
        passage.gateId = seen.gateId();
        passage.direction = seen.direction();
        passage.source = seen.source();
        passage.subjectKind = seen.subjectKind();
        passage.subjectKey = seen.subjectKey();
        passage.holderName = seen.holderName();
        passage.plate = seen.plate();
        passage.personId = seen.personId();
        passage.visitId = seen.visitId();
        passage.passId = seen.passId();
        passage.recordedBy = seen.recordedBy();
        passage.passedAt = seen.passedAt() == null ? clock.now() : seen.passedAt();
        return repository.persist(passage).call(saved -> events.publish(new GateEvent(GateEventKind.PASSAGE,
                saved.siteId.toString(), saved.gateId.toString(), saved.direction, saved.holderName, saved.plate,
                null, saved.passedAt)));
    }
}
