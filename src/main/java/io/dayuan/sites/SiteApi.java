package io.dayuan.sites;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.dayuan.platform.Roles;
import io.dayuan.platform.graphql.SessionPerField;
import io.dayuan.sites.repository.SiteRepository;
import io.dayuan.sites.service.SiteService.NewSite;
import io.dayuan.sites.service.CallerSites;
import io.dayuan.sites.service.SiteService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@SessionPerField
public class SiteApi {

    @Inject
    SiteRepository repository;

    @Inject
    SiteService service;

    @Inject
    CallerSites callerSites;

    @Query
    @Authenticated
    @Description("All sites. Any signed-in role.")
    public Uni<@NonNull List<@NonNull Site>> sites() {
        return repository.listByName();
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Adds a site; the time zone defaults to Asia/Shanghai; the address and visitor directions are shown on "
            + "the visitor's pages. Only a global administrator (FORBIDDEN for an admin of sites). Role: admin.")
    public Uni<@NonNull Site> createSite(@Name("input") @NonNull @Valid NewSite input) {
        return callerSites.requireEverySite().chain(() -> service.create(input));
    }
}
