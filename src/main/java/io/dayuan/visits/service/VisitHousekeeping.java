package io.dayuan.visits.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.dayuan.platform.Clock;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Expires visits not used by the end of their window, and forgets old rate-limit windows. */
@ApplicationScoped
public class VisitHousekeeping {

    private static final Logger LOG = Logger.getLogger(VisitHousekeeping.class);

    @Inject
    VisitService visits;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    Clock clock;

    @Scheduled(identity = "visits-expiry", every = "${dayuan.visits.jobs-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return visits.expire(clock.now())
                .chain(() -> rateLimiter.purge(clock.now().minus(Duration.ofDays(1))))
                .onFailure().invoke(failure -> LOG.error("Visit housekeeping failed", failure))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
