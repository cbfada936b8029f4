package io.dayuan.passes.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The numbered log of revocations that guards' phones follow. Versions come from one counter row whose lock is
 * held until commit, so they become visible in order.
 */
@ApplicationScoped
public class RevocationRepository {

    /** A pass revoked entirely (generation null), or its codes below a generation (re-issued). */
    public record Entry(UUID passId, Integer generation) {
    }

    /** Logs a revocation in the current transaction; returns its version. */
    public Uni<Long> log(UUID passId, Integer generation) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "update pass_revocation_counter set version = version + 1 returning version")
                .getSingleResult()
                .chain(version -> session.createNativeQuery("""
                        insert into pass_revocation (version, pass_id, generation) values (:version, :pass, :generation)""")
                        .setParameter("version", ((Number) version).longValue()).setParameter("pass", passId)
                        .setParameter("generation", generation).executeUpdate()
                        .replaceWith(((Number) version).longValue())));
    }

    @WithSession
    public Uni<Long> currentVersion() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select version from pass_revocation_counter").getSingleResult()
                .map(version -> ((Number) version).longValue()));
    }

    /**
     * What a phone at a site must know of revocations: passes of the site revoked (or re-issued) since the given
     * version, or, without one, every revoked or re-issued pass of the site whose window is not over (a pass past
     * its window scans EXPIRED anyway).
     */
    @WithSession
    @SuppressWarnings("unchecked")
    public Uni<List<Entry>> forSite(UUID siteId, Long sinceVersion) {
        String sql = sinceVersion == null ? """
                select id, case when revoked_at is null then generation end from pass
                where :site = any(site_ids) and (revoked_at is not null or generation > 1)
                  and valid_until > now() - interval '1 day'
                order by id""" : """
                select distinct on (r.pass_id) r.pass_id,
                       case when p.revoked_at is null then p.generation end
                from pass_revocation r join pass p on p.id = r.pass_id
                where r.version > :since and :site = any(p.site_ids)
                order by r.pass_id""";
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql).setParameter("site", siteId);
            if (sinceVersion != null) {
                query.setParameter("since", sinceVersion);
            }
            return query.getResultList();
        })
                .map(rows -> ((List<Object[]>) (List<?>) rows).stream()
                        .map(row -> new Entry((UUID) row[0], row[1] == null ? null : ((Number) row[1]).intValue()))
                        .toList());
    }
}
