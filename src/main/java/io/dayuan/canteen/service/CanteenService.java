package io.dayuan.canteen.service;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Id;

import io.dayuan.canteen.Canteen;
import io.dayuan.canteen.repository.CanteenRepository;
import io.dayuan.platform.Ids;
import io.dayuan.platform.UniqueNames;
import io.dayuan.sites.repository.SiteRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CanteenService {

    public record NewCanteen(@NotNull @Id String siteId, @NotBlank @Size(max = 100) String name) {
    }

    @Inject
    CanteenRepository repository;

    @Inject
    SiteRepository sites;

    @WithTransaction
    public Uni<Canteen> create(NewCanteen input) {
        Canteen canteen = new Canteen();
        canteen.siteId = Ids.parse("siteId", input.siteId());
        canteen.name = input.name().strip();
        return sites.require(canteen.siteId)
                .chain(() -> UniqueNames.require(repository.countNamed(canteen.siteId, canteen.name),
                        "The site has a canteen named " + canteen.name + " already"))
                .chain(() -> repository.persist(canteen));
    }
}
