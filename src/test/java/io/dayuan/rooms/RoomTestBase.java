package io.dayuan.rooms;

import jakarta.inject.Inject;

import io.dayuan.Database;
import io.dayuan.GraphQL;

/** What every rooms test works with: the GraphQL client, the database, and the feature's fixtures. */
public abstract class RoomTestBase {

    @Inject
    protected GraphQL graphQL;

    @Inject
    protected Database database;

    @Inject
    protected RoomFixtures fixtures;
}
