package io.dayuan.notifications;

import jakarta.inject.Inject;

import io.dayuan.Database;
import io.dayuan.GraphQL;
import io.dayuan.notifications.service.Notifier;

/** What every notifications test works with: the GraphQL client, the database, the Notifier and the fixtures. */
public abstract class NotificationTestBase {

    @Inject
    protected GraphQL graphQL;

    @Inject
    protected Database database;

    @Inject
    protected Notifier notifier;

    @Inject
    protected NotificationFixtures fixtures;
}
