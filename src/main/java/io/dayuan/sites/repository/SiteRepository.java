package io.dayuan.sites.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.platform.ApiException;
import io.dayuan.platform.Batches;
import io.dayuan.sites.Site;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SiteRepository implements PanacheRepositoryBase<Site, UUID> {

    @WithSession
    public Uni<List<Site>> listByName() {
        return list("order by name");
    }

    @WithSession
    public Uni<List<Site>> findByIds(Collection<UUID> ids) {
        return list("id in ?1", ids);
    }

    /** The sites of the given ids, in their order: the answer of a batch resolver. */
    @WithSession
    public Uni<List<Site>> inOrderOf(List<UUID> ids) {
        return Batches.inOrderOf(ids, this::findByIds);
    }

    /** The site of the name; null without one. */
    public Uni<Site> findByName(String name) {
        return find("name", name).firstResult();
    }

    /** The site, or {@code NOT_FOUND} naming the input field that referred to it. */
    @WithSession
    public Uni<Site> require(UUID id) {
        return findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("Site", id));
    }
}
