package io.dayuan.emergency;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.dayuan.emergency.repository.EmergencyBroadcastRepository;
import io.dayuan.emergency.service.EmergencyService;
import io.dayuan.emergency.service.EmergencyService.EmergencyInput;
import io.dayuan.people.Caller;
import io.dayuan.people.Person;
import io.dayuan.people.repository.PersonRepository;
import io.dayuan.platform.Ids;
import io.dayuan.platform.Page;
import io.dayuan.platform.Roles;
import io.dayuan.platform.graphql.SessionPerField;
import io.dayuan.sites.Site;
import io.dayuan.sites.repository.SiteRepository;
import io.dayuan.sites.service.CallerSites;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@SessionPerField
public class EmergencyApi {

    @Inject
    Caller caller;

    @Inject
    EmergencyService service;

    @Inject
    SiteRepository sites;

    @Inject
    PersonRepository people;

    @Inject
    EmergencyBroadcastRepository broadcasts;

    @Inject
    CallerSites callerSites;

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Sends an emergency message (紧急信息) at once to every person whose home site is siteId, on every "
            + "channel that reaches them (in-app, SMS, push, DingTalk), whatever their quiet hours and channel "
            + "choices, and to the DingTalk emergency group through its robot. Logged with the sender. At most "
            + "dayuan.emergency.limit broadcasts per site in each window (RATE_LIMITED). VALIDATION names siteId, "
            + "title (1-100 characters) or body (1-2000); NOT_FOUND for an unknown site; FORBIDDEN for a site the "
            + "caller does not act at. Role: admin.")
    public Uni<@NonNull EmergencyBroadcast> broadcastEmergency(@Name("input") @NonNull EmergencyInput input) {
        return callerSites.requireSite(Ids.parse("siteId", input.siteId())).chain(() -> caller.person())
                .chain(me -> service.broadcast(me.id, input));
    }

    @Query
    @RolesAllowed(Roles.ADMIN)
    @Description("The log of emergency broadcasts, newest first: of one site, or of every site when siteId is left "
            + "out (first: 1 to 100). An admin of sites sees only theirs; FORBIDDEN for a siteId the caller does not "
            + "act at. Role: admin.")
    public Uni<@NonNull List<@NonNull EmergencyBroadcast>> emergencyBroadcasts(@Name("siteId") @Id String siteId,
            @Name("first") @DefaultValue("20") Integer first) {
        UUID site = Ids.parse("siteId", siteId);
        int size = Page.Size.SHORT.of("first", first);
        if (site != null) {
            return callerSites.requireSite(site).chain(() -> service.latest(site, size));
        }
        return callerSites.scope().chain(scope -> scope.everySite() ? service.latest(null, size)
                : broadcasts.latestAt(scope.sites(), size));
    }

    @Description("The site it was sent to")
    @NonNull
    public Uni<List<@NonNull Site>> site(@Source List<EmergencyBroadcast> broadcasts) {
        return sites.inOrderOf(broadcasts.stream().map(b -> b.siteId).toList());
    }

    @Description("The admin who sent it")
    @NonNull
    public Uni<List<@NonNull Person>> sentBy(@Source List<EmergencyBroadcast> broadcasts) {
        return people.inOrderOf(broadcasts.stream().map(b -> b.sentBy).toList());
    }
}
