package io.dayuan.canteen.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.canteen.LeftoverClaim;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LeftoverClaimRepository implements PanacheRepositoryBase<LeftoverClaim, UUID> {

    /** How many claims the person made on the offer (0 or 1). */
    public Uni<Long> countOf(UUID offerId, UUID personId) {
        return count("offerId = ?1 and personId = ?2", offerId, personId);
    }

    /** The offer's claims in the order they were made. */
    public Uni<List<LeftoverClaim>> ofOffer(UUID offerId) {
        return list("from LeftoverClaim c where c.offerId = ?1 order by c.createdAt", offerId);
    }

    /** The person's claims made after a moment, newest first. */
    public Uni<List<LeftoverClaim>> ofPersonSince(UUID personId, OffsetDateTime since) {
        return list("from LeftoverClaim c where c.personId = ?1 and c.createdAt > ?2 order by c.createdAt desc",
                personId, since);
    }
}
