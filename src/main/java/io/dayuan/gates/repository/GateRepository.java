package io.dayuan.gates.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.gates.Gate;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Batches;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class GateRepository implements PanacheRepositoryBase<Gate, UUID> {

    /** The gates of the given ids, in their order: the answer of a batch resolver. */
    @WithSession
    public Uni<List<Gate>> inOrderOf(List<UUID> ids) {
        return Batches.inOrderOf(ids, wanted -> list("id in ?1", wanted));
    }

    /** The gate, or NOT_FOUND. */
    @WithSession
    public Uni<Gate> require(UUID id) {
        return findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("Gate", id));
    }

    @WithSession
    public Uni<List<Gate>> listBySite(UUID siteId) {
        return list("siteId = ?1 order by name", siteId);
    }

    /** How many gates of the site have the name. */
    public Uni<Long> countNamed(UUID siteId, String name) {
        return count("siteId = ?1 and name = ?2", siteId, name);
    }
}
