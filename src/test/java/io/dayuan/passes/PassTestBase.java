package io.dayuan.passes;

import jakarta.inject.Inject;

import io.dayuan.Database;
import io.dayuan.GraphQL;

/** What every passes test works with: the GraphQL client, the database, and the passes fixtures. */
public abstract class PassTestBase {

    @Inject
    protected GraphQL graphQL;

    @Inject
    protected Database database;

    @Inject
    protected PassFixtures fixtures;
}
