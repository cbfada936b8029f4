package io.dayuan.passes.repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.dayuan.passes.Pass;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Batches;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PassRepository implements PanacheRepositoryBase<Pass, UUID> {

    /** The passes of the given ids, in their order: the answer of a batch resolver. */
    @WithSession
    public Uni<List<Pass>> inOrderOf(List<UUID> ids) {
        return Batches.inOrderOf(ids, wanted -> list("id in ?1", wanted));
    }

    @WithSession
    public Uni<List<Pass>> findByIds(Collection<UUID> ids) {
        return list("id in ?1 order by createdAt, id", ids);
    }

    /** The pass, or NOT_FOUND. */
    @WithSession
    public Uni<Pass> require(UUID id) {
        return findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("Pass", id));
    }

    /**
     * The pass with its row locked to the end of the transaction: scans of one pass (and its revocation) take
     * turns, so two guards scanning one admit-once pass at once cannot both let it in.
     */
    public Uni<Pass> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    @WithSession
    public Uni<Pass> personal(UUID personId, UUID siteId) {
        return find("personId = ?1 and personalSite = ?2", personId, siteId).firstResult();
    }

    /** Creates the person's own pass for the site unless it exists (two first requests at once make one). */
    public Uni<Integer> createPersonalIfAbsent(UUID personId, String holderName, UUID siteId, OffsetDateTime from,
            OffsetDateTime until) {
        return getSession().chain(session -> session.createNativeQuery("""
                insert into pass (kind, holder_name, person_id, personal_site, site_ids, valid_from, valid_until)
                values ('PERSON', :name, :person, :site, array[:site]::uuid[], :from, :until)
                on conflict (person_id, personal_site) where personal_site is not null do nothing""")
                .setParameter("name", holderName).setParameter("person", personId).setParameter("site", siteId)
                .setParameter("from", from).setParameter("until", until).executeUpdate());
    }

    @WithSession
    public Uni<Pass> forVisit(UUID visitId) {
        return find("visitId", visitId).firstResult();
    }

    /** The visit passes of the given visits, in their order (null where a visit has none). */
    @WithSession
    public Uni<List<Pass>> forVisits(List<UUID> visitIds) {
        return list("visitId in ?1", new HashSet<>(visitIds)).map(found -> {
            Map<UUID, Pass> byVisit = found.stream()
                    .collect(Collectors.toMap(pass -> pass.visitId, Function.identity()));
            return visitIds.stream().map(byVisit::get).toList();
        });
    }
}
