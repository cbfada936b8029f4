package io.dayuan.visits.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.people.Person;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Batches;
import io.dayuan.platform.Cursor;
import io.dayuan.platform.Roles;
import io.dayuan.visits.Visit;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class VisitRepository implements PanacheRepositoryBase<Visit, UUID> {

    /** A visit that is not parked, or NOT_FOUND. */
    @WithSession
    public Uni<Visit> require(UUID id) {
        return findById(id).map(visit -> {
            if (visit == null || visit.parked()) {
                throw ApiException.notFound("Visit", id);
            }
            return visit;
        });
    }

    @WithSession
    public Uni<Visit> findByTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResult();
    }

    @WithSession
    public Uni<List<Visit>> hostedBy(UUID hostId, int first, Cursor after) {
        if (after == null) {
            return find("hostId = ?1 order by arriveFrom desc, id", hostId).page(0, first).list();
        }
        return find("hostId = ?1 and (arriveFrom < ?2 or (arriveFrom = ?2 and id > ?3)) order by arriveFrom desc, id",
                hostId, after.at(), after.id()).page(0, first).list();
    }

    /** The site's visits whose window overlaps [from, to), parked requests left out. */
    @WithSession
    public Uni<List<Visit>> expected(UUID siteId, OffsetDateTime from, OffsetDateTime to) {
        return list("siteId = ?1 and hostId is not null and arriveFrom < ?3 and arriveUntil > ?2 "
                + "order by arriveFrom, visitorName", siteId, from, to);
    }

    /** The open visit at a site that a plate camera saw, if its window (with the lead time) covers the moment. */
    @WithSession
    public Uni<Visit> byPlate(UUID siteId, String plate, OffsetDateTime at, OffsetDateTime latestStart) {
        return find("siteId = ?1 and plate = ?2 and hostId is not null and status in ('APPROVED', 'CHECKED_IN', "
                + "'CHECKED_OUT') and arriveFrom <= ?4 and arriveUntil > ?3 order by arriveFrom",
                siteId, plate, at, latestStart).firstResult();
    }

    /** Of these people, those hosting a visit checked in, or approved with its window (from latestStart) open. */
    @WithSession
    public Uni<List<UUID>> hostsAtTheGate(List<UUID> people, OffsetDateTime now, OffsetDateTime latestStart) {
        return Panache.getSession().chain(session -> session.createQuery("select distinct v.hostId from Visit v "
                + "where v.hostId in :people and (v.status = 'CHECKED_IN' or (v.status = 'APPROVED' "
                + "and v.arriveFrom <= :latestStart and v.arriveUntil > :now))", UUID.class)
                .setParameter("people", people).setParameter("now", now).setParameter("latestStart", latestStart)
                .getResultList());
    }

    /**
     * Up to {@code limit} visit requests whose host was not told yet, oldest first, locked for this transaction;
     * rows another replica is telling are skipped.
     */
    public Uni<List<Visit>> lockUnnoticedRequests(int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery("SELECT * FROM visit "
                + "WHERE host_notified_at IS NULL AND host_id IS NOT NULL AND status = 'REQUESTED' "
                + "ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED", Visit.class)
                .setParameter("limit", limit).getResultList());
    }

    /** Visits not used by the end of their window expire; inside the caller's transaction. How many. */
    public Uni<Integer> expire(OffsetDateTime now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "UPDATE visit SET status = 'EXPIRED' WHERE status IN ('REQUESTED', 'APPROVED') AND arrive_until <= :now")
                .setParameter("now", now).executeUpdate());
    }

    /**
     * The staff member (the earliest) whose phone is the number, written as E.164, as the national number or with
     * the country code without "+"; null if none.
     */
    @WithSession
    public Uni<Person> staffByPhone(String e164) {
        String national = e164.startsWith("+86") ? e164.substring(3) : e164;
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT * FROM person WHERE phone IN (:a, :b, :c) AND :role = ANY (roles) "
                        + "ORDER BY created_at LIMIT 1", Person.class)
                .setParameter("a", e164).setParameter("b", national).setParameter("c", "86" + national)
                .setParameter("role", Roles.STAFF).getResultList())
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    @WithSession
    public Uni<List<Visit>> inOrderOf(List<UUID> ids) {
        return Batches.inOrderOf(ids, wanted -> list("id in ?1", wanted));
    }
}
