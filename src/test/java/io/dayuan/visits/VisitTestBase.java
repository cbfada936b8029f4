package io.dayuan.visits;

import jakarta.inject.Inject;

import io.dayuan.Database;
import io.dayuan.GraphQL;

/** What every visits test works with: the GraphQL client, the database, and the feature's fixtures. */
public abstract class VisitTestBase {

    @Inject
    protected GraphQL graphQL;

    @Inject
    protected Database database;

    @Inject
    protected VisitFixtures fixtures;
}
