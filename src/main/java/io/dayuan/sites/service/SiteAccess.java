package io.dayuan.sites.service;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.dayuan.platform.ApiException;
import io.dayuan.sites.SitesConfig.UnassignedAccess;

/**
 * The one rule of sites as tenants, as a pure function: a caller exercises their roles only at the sites they
 * belong to. A global administrator (an admin of no site) acts everywhere; anyone else of no site acts everywhere
 * or nowhere, as {@code dayuan.sites.unassigned-access} says.
 */
public final class SiteAccess {

    private SiteAccess() {
    }

    /** The sites a caller acts at: every site, or exactly {@code sites}. */
    public record Scope(boolean everySite, Set<UUID> sites) {

        public static final Scope EVERY_SITE = new Scope(true, Set.of());

        public boolean canAct(UUID siteId) {
            return everySite || sites.contains(siteId);
        }

        public boolean canActAtAll(Collection<UUID> siteIds) {
            return siteIds.stream().allMatch(this::canAct);
        }

        /**
         * FORBIDDEN where the caller names a site they do not belong to: the site's existence is no secret (sites
         * lists all), acting there is.
         */
        public void requireSite(UUID siteId) {
            if (!canAct(siteId)) {
                throw ApiException.forbidden("You do not act at site " + siteId);
            }
        }

        /** FORBIDDEN unless the caller acts at every site named (a pass for several sites, say). */
        public void requireSites(Collection<UUID> siteIds) {
            siteIds.forEach(this::requireSite);
        }

        /**
         * FORBIDDEN unless the caller acts at every site (a global administrator): for what is province-wide, such
         * as the sites themselves or the visitor blocklist.
         */
        public void requireEverySite() {
            if (!everySite) {
                throw ApiException.forbidden("Only a global administrator (an admin of no site) may do this");
            }
        }

        /**
         * NOT_FOUND for a single object of a site the caller does not belong to, in the same words as for an object
         * that does not exist, so that its existence is not revealed.
         */
        public void requireVisible(UUID siteId, String type, UUID id) {
            if (!canAct(siteId)) {
                throw ApiException.notFound(type, id);
            }
        }

        /** NOT_FOUND for an object of several sites (a pass) unless the caller acts at every one of them. */
        public void requireVisible(Collection<UUID> siteIds, String type, UUID id) {
            if (!canActAtAll(siteIds)) {
                throw ApiException.notFound(type, id);
            }
        }

        /** The items of the caller's sites, in their order. */
        public <T> List<T> filter(List<T> items, Function<T, UUID> siteOf) {
            return everySite ? items : items.stream().filter(item -> canAct(siteOf.apply(item))).toList();
        }
    }

    /** The scope of a caller belonging to {@code memberOf}, an admin or not. */
    public static Scope scope(Set<UUID> memberOf, boolean admin, UnassignedAccess unassigned) {
        if (!memberOf.isEmpty()) {
            return new Scope(false, Set.copyOf(memberOf));
        }
        return admin || unassigned == UnassignedAccess.ALL ? Scope.EVERY_SITE : new Scope(false, Set.of());
    }
}
