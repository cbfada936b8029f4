package io.dayuan.sites;

import jakarta.inject.Inject;

import io.dayuan.Database;
import io.dayuan.GraphQL;

/** What every cross-site test works with: the GraphQL client, the database, and two sites of its own. */
public abstract class SiteTestBase {

    @Inject
    protected GraphQL graphQL;

    @Inject
    protected Database database;

    @Inject
    protected TwoSites twoSites;
}
