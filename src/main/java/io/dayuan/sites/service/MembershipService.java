package io.dayuan.sites.service;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.dayuan.people.Person;
import io.dayuan.people.repository.PersonRepository;
import io.dayuan.platform.ApiException;
import io.dayuan.sites.repository.MembershipRepository;
import io.dayuan.sites.repository.SiteRepository;
import io.dayuan.sites.service.SiteAccess.Scope;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MembershipService {

    @Inject
    MembershipRepository memberships;

    @Inject
    PersonRepository people;

    @Inject
    SiteRepository sites;

    /**
     * Makes {@code siteIds} the person's sites. The administrator must act at every site named and at every site the
     * person leaves (FORBIDDEN): a site administrator cannot take a person away from another site. The person row is
     * locked so that two changes at once end with one of the two sets.
     */
    @WithTransaction
    public Uni<Person> setSites(Scope administrator, UUID personId, Set<UUID> siteIds) {
        return Uni.createFrom().voidItem().invoke(() -> {
            if (!administrator.canActAtAll(siteIds)) {
                throw ApiException.forbidden("You do not administer every site named");
            }
        }).chain(() -> requireSites(siteIds))
                .chain(() -> people.findById(personId, LockModeType.PESSIMISTIC_WRITE))
                .onItem().ifNull().failWith(() -> ApiException.notFound("Person", personId))
                .call(person -> memberships.sitesOf(personId).invoke(current -> {
                    Set<UUID> left = new HashSet<>(current);
                    left.removeAll(siteIds);
                    if (!administrator.canActAtAll(left)) {
                        throw ApiException.forbidden("You do not administer every site the person leaves");
                    }
                }))
                .call(() -> memberships.replace(personId, siteIds));
    }

    private Uni<Void> requireSites(Set<UUID> siteIds) {
        if (siteIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return sites.findByIds(siteIds).invoke(found -> {
            Set<UUID> missing = new HashSet<>(siteIds);
            found.forEach(site -> missing.remove(site.id));
            if (!missing.isEmpty()) {
                throw ApiException.notFound("Site", missing.iterator().next());
            }
        }).replaceWithVoid();
    }
}
