package io.dayuan.sites;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.dayuan.people.Person;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Ids;
import io.dayuan.platform.Roles;
import io.dayuan.platform.graphql.SessionPerField;
import io.dayuan.sites.repository.MembershipRepository;
import io.dayuan.sites.repository.MembershipRepository.Membership;
import io.dayuan.sites.repository.SiteRepository;
import io.dayuan.sites.service.CallerSites;
import io.dayuan.sites.service.MembershipService;
import io.smallrye.mutiny.Uni;

/** Which sites a person acts at (sites as tenants). */
@GraphQLApi
@SessionPerField
public class MembershipApi {

    /** More sites than a province has towns is a mistake, not an assignment. */
    static final int MAX_SITES = 100;

    @Inject
    CallerSites callerSites;

    @Inject
    MembershipService service;

    @Inject
    MembershipRepository memberships;

    @Inject
    SiteRepository sites;

    @Mutation("setPersonSites")
    @RolesAllowed(Roles.ADMIN)
    @Description("Makes siteIds (at most 100; empty: none) the sites at which the person exercises their roles. "
            + "FORBIDDEN unless the caller is a global administrator (an admin of no site) or administers every site "
            + "named and every site the person leaves; VALIDATION names siteIds; NOT_FOUND for an unknown person or "
            + "site. The home site (setPersonSite) still steers notifications. Role: admin.")
    public Uni<@NonNull Person> setPersonSites(@Name("personId") @NonNull @Id String personId,
            @Name("siteIds") @Description("Site ids (SmallRye cannot serve a list of the ID scalar here)")
            @NonNull List<@NonNull String> siteIds) {
        UUID person = Ids.parse("personId", personId);
        if (siteIds.size() > MAX_SITES) {
            throw ApiException.validation("siteIds", "siteIds names at most " + MAX_SITES + " sites");
        }
        Set<UUID> named = new LinkedHashSet<>();
        for (int i = 0; i < siteIds.size(); i++) {
            named.add(Ids.parse("siteIds." + i, siteIds.get(i)));
        }
        return callerSites.scope().chain(scope -> service.setSites(scope, person, named));
    }

    @Description("The sites at which the person exercises their roles, by name; empty: none assigned (see the "
            + "setting dayuan.sites.unassigned-access)")
    public Uni<@NonNull List<@NonNull List<@NonNull Site>>> sites(@Source List<Person> persons) {
        List<UUID> ids = persons.stream().map(person -> person.id).toList();
        return memberships.ofPeople(ids).chain(found -> sites.findByIds(
                found.stream().map(Membership::siteId).distinct().toList()).map(named -> persons.stream()
                        .map(person -> named.stream()
                                .filter(site -> found.contains(new Membership(person.id, site.id)))
                                .sorted(Comparator.comparing((Site site) -> site.name)).toList())
                        .toList()));
    }
}
