package io.dayuan.sites;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How sites separate tenants: what a person who belongs to no site may do. */
@ConfigMapping(prefix = "dayuan.sites")
public interface SitesConfig {

    /** Whether a person of no site acts at every site (a single-town install) or at none (a province). */
    enum UnassignedAccess {
        ALL,
        NONE
    }

    /**
     * {@code all}: a person who belongs to no site acts at every site, as before sites were tenants; {@code none}:
     * such a person can do nothing site-bound until an administrator assigns them. A global administrator (an admin
     * of no site) acts at every site either way.
     */
    @WithDefault("all")
    UnassignedAccess unassignedAccess();
}
