package io.dayuan.gates.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.gates.Direction;
import io.dayuan.gates.GatePassage;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class GatePassageRepository implements PanacheRepositoryBase<GatePassage, UUID> {

    /** Everyone whose latest passage at the site was inward: the roll call for an evacuation. */
    @WithSession
    public Uni<List<GatePassage>> inside(UUID siteId) {
        return getSession().chain(session -> session.createNativeQuery("""
                select * from (
                    select distinct on (subject_key) * from gate_passage
                    where site_id = :site order by subject_key, passed_at desc
                ) latest where direction = 'IN' order by passed_at desc""", GatePassage.class)
                .setParameter("site", siteId).getResultList());
    }

    /** The direction of a subject's latest passage at the site, or null when it never passed. */
    @WithSession
    public Uni<Direction> lastDirection(UUID siteId, String subjectKey) {
        return find("siteId = ?1 and subjectKey = ?2 order by passedAt desc", siteId, subjectKey).firstResult()
                .map(passage -> passage == null ? null : passage.direction);
    }
}
