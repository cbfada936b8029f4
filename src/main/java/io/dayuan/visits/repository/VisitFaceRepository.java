package io.dayuan.visits.repository;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.visits.VisitFace;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Face photos and the record of their deletions. */
@ApplicationScoped
public class VisitFaceRepository implements PanacheRepositoryBase<VisitFace, UUID> {

    @Inject
    Pool pool;

    /** Which of the visits have a photo. */
    @WithSession
    public Uni<List<UUID>> enrolledAmong(List<UUID> visitIds) {
        return Panache.getSession().chain(session -> session
                .createQuery("select f.visitId from VisitFace f where f.visitId in :ids", UUID.class)
                .setParameter("ids", visitIds).getResultList());
    }

    /** Deletes the visit's photo; inside the caller's transaction. How many there were (0 or 1). */
    public Uni<Integer> deleteOf(UUID visitId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("DELETE FROM visit_face WHERE visit_id = :visit").setParameter("visit", visitId)
                .executeUpdate());
    }

    /** Records that the visit's photo was deleted (or replaced) and why; inside the caller's transaction. */
    public Uni<Void> recordDeletion(UUID visitId, OffsetDateTime at, String reason) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("INSERT INTO visit_face_deletion (visit_id, deleted_at, reason) "
                        + "VALUES (:visit, :at, :reason)")
                .setParameter("visit", visitId).setParameter("at", at).setParameter("reason", reason)
                .executeUpdate()).replaceWithVoid();
    }

    /**
     * Deletes every photo whose visit ended (checked out, or its window closed) longer ago than the retention, or
     * whose visit is over without use, with a deletion record each. One statement: safe with several replicas.
     */
    public Uni<Integer> purge(OffsetDateTime now, Duration retention) {
        return pool.preparedQuery("""
                WITH gone AS (
                    DELETE FROM visit_face f USING visit v
                    WHERE v.id = f.visit_id
                      AND (least(v.checked_out_at, v.arrive_until) + $2::bigint * interval '1 second' <= $1
                           OR v.status IN ('CANCELLED', 'REJECTED', 'EXPIRED'))
                    RETURNING f.visit_id)
                INSERT INTO visit_face_deletion (visit_id, deleted_at, reason)
                SELECT visit_id, $1, 'RETENTION' FROM gone""")
                .execute(Tuple.of(now, retention.getSeconds())).map(rows -> rows.rowCount());
    }
}
