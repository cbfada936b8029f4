package io.dayuan.gates;

import java.util.List;
import java.util.UUID;

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

import io.dayuan.gates.repository.GatePassageRepository;
import io.dayuan.gates.repository.GateRepository;
import io.dayuan.gates.service.GateEvents;
import io.dayuan.gates.service.GateService.NewGate;
import io.dayuan.gates.service.GateService;
import io.dayuan.platform.Ids;
import io.dayuan.platform.Roles;
import io.dayuan.platform.graphql.SessionPerField;
import io.dayuan.platform.graphql.Subscriptions;
import io.dayuan.sites.Site;
import io.dayuan.sites.repository.SiteRepository;
import io.dayuan.sites.service.CallerSites;
import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@SessionPerField
public class GateApi {

    @Inject
    Subscriptions subscriptions;

    @Inject
    GateRepository repository;

    @Inject
    GateService service;

    @Inject
    SiteRepository sites;

    @Inject
    GatePassageRepository passages;

    @Inject
    GateEvents events;

    @Inject
    CallerSites callerSites;

    @Query
    @Authenticated
    @Description("The gates of a site. FORBIDDEN for a site the caller does not act at. Any signed-in role.")
    public Uni<@NonNull List<@NonNull Gate>> gates(@Name("siteId") @NonNull @Id String siteId) {
        UUID site = Ids.parse("siteId", siteId);
        return callerSites.requireSite(site).chain(() -> repository.listBySite(site));
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Adds a gate to a site. FORBIDDEN for a site the caller does not act at. Role: admin.")
    public Uni<@NonNull Gate> createGate(@Name("input") @NonNull @Valid NewGate input) {
        UUID site = Ids.parse("siteId", input.siteId());
        return callerSites.requireSite(site).chain(() -> service.create(input));
    }

    @Query
    @RolesAllowed({ Roles.GUARD, Roles.ADMIN })
    @Description("Everyone and every vehicle inside the site now, latest first: the roll call for an evacuation. "
            + "FORBIDDEN for a site the caller does not act at. Roles: guard, admin.")
    public Uni<@NonNull List<@NonNull GatePassage>> onSite(@Name("siteId") @NonNull @Id String siteId) {
        UUID site = Ids.parse("siteId", siteId);
        return callerSites.requireSite(site).chain(() -> passages.inside(site));
    }

    @Subscription
    @Description("The site's gate feed, live: passages, refusals and alerts. FORBIDDEN for a site the caller does "
            + "not act at (one event that is null, with the error). Roles: guard, admin.")
    // the event type is nullable so that the site refusal, which needs the database and so comes after the
    // subscription started, reaches the phone; the role refusal comes before it starts (Subscriptions)
    public Multi<GateEvent> gateEvents(@Name("siteId") @NonNull @Id String siteId) {
        UUID site = Ids.parse("siteId", siteId);
        return subscriptions.open(
                () -> callerSites.requireSite(site).onItem().transformToMulti(allowed -> events.of(site)),
                Roles.GUARD, Roles.ADMIN);
    }

    @NonNull
    @Description("The gate passed through")
    public Uni<List<@NonNull Gate>> gate(@Source List<GatePassage> passages) {
        return repository.inOrderOf(passages.stream().map(passage -> passage.gateId).toList());
    }

    @Description("The site the gate belongs to")
    @NonNull
    public Uni<List<@NonNull Site>> site(@Source List<Gate> gates) {
        return sites.inOrderOf(gates.stream().map(gate -> gate.siteId).toList());
    }
}
