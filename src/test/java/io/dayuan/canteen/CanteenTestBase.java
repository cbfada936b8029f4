package io.dayuan.canteen;

import jakarta.inject.Inject;

import io.dayuan.Database;
import io.dayuan.GraphQL;

/** What every canteen test works with: the GraphQL client, the database, and the feature's fixtures. */
public abstract class CanteenTestBase {

    @Inject
    protected GraphQL graphQL;

    @Inject
    protected Database database;

    @Inject
    protected Kitchen kitchen;
}
