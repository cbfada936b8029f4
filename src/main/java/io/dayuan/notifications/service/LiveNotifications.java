package io.dayuan.notifications.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.notifications.Notification;
import io.dayuan.notifications.repository.NotificationRepository;
import io.dayuan.platform.events.Events;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A person's notifications as they reach the inbox, from any replica: the {@link InboxArrivals} events (through
 * PostgreSQL LISTEN/NOTIFY) filtered to the person, each read back from the database.
 */
@ApplicationScoped
public class LiveNotifications {

    @Inject
    Events events;

    @Inject
    NotificationRepository notifications;

    public Multi<Notification> of(UUID personId) {
        return events.on(InboxArrivals.topic())
                .onItem().transformToIterable(arrivals -> arrivals.idsFor(personId))
                .onItem().transformToUniAndConcatenate(id -> load(personId, id));
    }

    /** The notification, unless it was withdrawn meanwhile (then null, which the stream skips). */
    private Uni<Notification> load(UUID personId, UUID id) {
        return notifications.liveOutsideSession(personId, id);
    }
}
