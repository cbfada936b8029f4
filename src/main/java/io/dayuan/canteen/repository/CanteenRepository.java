package io.dayuan.canteen.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.canteen.Canteen;
import io.dayuan.platform.ApiException;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CanteenRepository implements PanacheRepositoryBase<Canteen, UUID> {

    /** The canteens of one site, or of all sites when none is given. */
    @WithSession
    public Uni<List<Canteen>> listBySite(UUID siteId) {
        return siteId == null ? list("order by name") : list("siteId = ?1 order by name", siteId);
    }

    /** How many canteens of the site have the name. */
    public Uni<Long> countNamed(UUID siteId, String name) {
        return count("siteId = ?1 and name = ?2", siteId, name);
    }

    /** The canteen, or {@code NOT_FOUND}. */
    @WithSession
    public Uni<Canteen> require(UUID id) {
        return findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("Canteen", id));
    }
}
