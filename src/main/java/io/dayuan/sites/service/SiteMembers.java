package io.dayuan.sites.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.people.Person;
import io.dayuan.platform.Roles;
import io.dayuan.sites.SitesConfig;
import io.dayuan.sites.repository.MembershipRepository;
import io.smallrye.mutiny.Uni;

/** {@link SiteAccess} applied to someone other than the caller: a host a visitor names, say. */
@ApplicationScoped
public class SiteMembers {

    @Inject
    MembershipRepository memberships;

    @Inject
    SitesConfig config;

    /** The person when they act at the site, else null (also for no person: one query either way). */
    public Uni<Person> actingAt(Person person, UUID siteId) {
        UUID id = person == null ? new UUID(0, 0) : person.id;
        boolean admin = person != null && person.roleNames != null && person.roleNames.contains(Roles.ADMIN);
        return memberships.sitesOf(id).map(sites -> person != null
                && SiteAccess.scope(sites, admin, config.unassignedAccess()).canAct(siteId) ? person : null);
    }
}
