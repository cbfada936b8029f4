package io.dayuan.sites.service;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.dayuan.people.Caller;
import io.dayuan.people.Person;
import io.dayuan.platform.Roles;
import io.dayuan.sites.SitesConfig;
import io.dayuan.sites.repository.MembershipRepository;
import io.dayuan.sites.repository.MembershipRepository.Membership;
import io.dayuan.sites.service.SiteAccess.Scope;
import io.smallrye.mutiny.Uni;

/**
 * {@link SiteAccess} applied to the caller of this request: roles from the token, sites from Dayuan's
 * assignments. Operations call it before they read or change anything of a site.
 */
@RequestScoped
public class CallerSites {

    @Inject
    Caller caller;

    @Inject
    MembershipRepository memberships;

    @Inject
    SitesConfig config;

    private Uni<Scope> scope;

    /** The sites the caller acts at; looked up once per request. */
    public Uni<Scope> scope() {
        if (scope == null) {
            scope = caller.person()
                    .chain(person -> caller.hasRole(Roles.ADMIN).chain(admin -> memberships.sitesOf(person.id)
                            .map(sites -> SiteAccess.scope(sites, admin, config.unassignedAccess()))))
                    .memoize().indefinitely();
        }
        return scope;
    }

    /** FORBIDDEN unless the caller acts at the site they named. */
    public Uni<Void> requireSite(UUID siteId) {
        return scope().invoke(found -> found.requireSite(siteId)).replaceWithVoid();
    }

    /** FORBIDDEN unless the caller acts at every site named. */
    public Uni<Void> requireSites(Collection<UUID> siteIds) {
        return scope().invoke(found -> found.requireSites(siteIds)).replaceWithVoid();
    }

    /** FORBIDDEN unless the caller is a global administrator (acts at every site). */
    public Uni<Void> requireEverySite() {
        return scope().invoke(Scope::requireEverySite).replaceWithVoid();
    }

    /** The object when the caller acts at its site, else NOT_FOUND as if it did not exist. */
    public <T> Uni<T> requireVisible(T object, Function<T, UUID> siteOf, String type, UUID id) {
        return scope().invoke(found -> found.requireVisible(siteOf.apply(object), type, id)).replaceWith(object);
    }

    /**
     * The object when the caller owns it (their booking, registration, visit, pass: theirs wherever they are) or
     * acts at its site, else NOT_FOUND as if it did not exist.
     */
    public <T> Uni<T> requireOwnOrVisible(T object, UUID owner, UUID siteId, String type, UUID id) {
        return caller.person().chain(person -> person.id.equals(owner) ? Uni.createFrom().item(object)
                : scope().invoke(found -> found.requireVisible(siteId, type, id)).replaceWith(object));
    }

    /** An object of several sites (a pass) when the caller acts at every one of them, else NOT_FOUND. */
    public <T> Uni<T> requireVisibleAtAll(T object, Collection<UUID> siteIds, String type, UUID id) {
        return scope().invoke(found -> found.requireVisible(siteIds, type, id)).replaceWith(object);
    }

    /** The people who belong to one of the caller's sites; everyone for a caller of every site. */
    public Uni<List<Person>> filterPeople(List<Person> people) {
        return scope().chain(found -> found.everySite() ? Uni.createFrom().item(people) : membersOf(found, people));
    }

    private Uni<List<Person>> membersOf(Scope found, List<Person> people) {
        return memberships.ofPeople(people.stream().map(person -> person.id).toList()).map(all -> {
            Set<UUID> members = all.stream().filter(membership -> found.canAct(membership.siteId()))
                    .map(Membership::personId).collect(Collectors.toSet());
            return people.stream().filter(person -> members.contains(person.id)).toList();
        });
    }

    /** The items of the caller's sites. */
    public <T> Uni<List<T>> filter(List<T> items, Function<T, UUID> siteOf) {
        return scope().map(found -> found.filter(items, siteOf));
    }
}
