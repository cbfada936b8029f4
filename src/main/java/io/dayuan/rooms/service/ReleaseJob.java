package io.dayuan.rooms.service;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.dayuan.platform.Clock;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.mutiny.Uni;

/** Frees rooms held by no-shows: every booking not checked in by the end of its check-in window is released. */
@ApplicationScoped
public class ReleaseJob {

    @Inject
    Clock clock;

    private static final Logger LOG = Logger.getLogger(ReleaseJob.class);

    @Inject
    BookingService bookings;

    @Scheduled(identity = "release-no-shows", every = "${dayuan.rooms.release-every}",
            concurrentExecution = ConcurrentExecution.SKIP)
    Uni<Void> releaseNoShows() {
        return bookings.releaseNoShows(clock.now())
                .invoke(released -> {
                    if (released > 0) {
                        LOG.infof("Released %d bookings nobody checked in", released);
                    }
                })
                .onFailure().invoke(failure -> LOG.error("Releasing no-shows failed", failure))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
