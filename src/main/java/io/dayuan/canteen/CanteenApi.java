package io.dayuan.canteen;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.dayuan.canteen.repository.CanteenRepository;
import io.dayuan.canteen.service.CanteenService.NewCanteen;
import io.dayuan.canteen.service.CanteenService;
import io.dayuan.platform.Ids;
import io.dayuan.platform.Roles;
import io.dayuan.platform.graphql.SessionPerField;
import io.dayuan.sites.Site;
import io.dayuan.sites.repository.SiteRepository;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@SessionPerField
public class CanteenApi {

    @Inject
    CanteenRepository repository;

    @Inject
    CanteenService service;

    @Inject
    SiteRepository sites;

    @Query
    @Authenticated
    @Description("The canteens of a site, or of every site. Any signed-in role.")
    public Uni<@NonNull List<@NonNull Canteen>> canteens(@Name("siteId") @Id String siteId) {
        return repository.listBySite(Ids.parse("siteId", siteId));
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Adds a canteen to a site. Role: admin.")
    public Uni<@NonNull Canteen> createCanteen(@Name("input") @NonNull @Valid NewCanteen input) {
        return service.create(input);
    }

    @Description("The site the canteen belongs to")
    @NonNull
    public Uni<List<@NonNull Site>> site(@Source List<Canteen> canteens) {
        return sites.inOrderOf(canteens.stream().map(canteen -> canteen.siteId).toList());
    }
}
