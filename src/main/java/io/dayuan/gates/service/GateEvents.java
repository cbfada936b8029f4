package io.dayuan.gates.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.gates.GateEvent;
import io.dayuan.platform.events.Events;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** The live gate feed of each site, fed by scans, devices and alerts on any replica. */
@ApplicationScoped
public class GateEvents {

    @Inject
    Events events;

    /** Sends an event to the site's guards when the current transaction commits. */
    public Uni<Void> publish(GateEvent event) {
        return events.publish(GateEvent.topic(event.siteId()), event);
    }

    /** The NOTIFY payload of an event, for a statement that publishes it itself (see {@link Events#channel()}). */
    public static String payload(GateEvent event) {
        return Events.payload(GateEvent.topic(event.siteId()), event);
    }

    public Multi<GateEvent> of(UUID siteId) {
        return events.on(GateEvent.topic(siteId.toString()));
    }
}
