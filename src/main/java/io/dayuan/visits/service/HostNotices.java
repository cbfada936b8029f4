package io.dayuan.visits.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.dayuan.notifications.service.Notifier;
import io.dayuan.platform.Clock;
import io.dayuan.visits.Visit;
import io.dayuan.visits.repository.VisitRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Tells hosts of the visits asked for them. {@code requestVisit} does the same work whether the host phone is a
 * staff member's or not, so that its answer's timing does not tell (PIPL: phones are not to be enumerated); the
 * host's notice is written here, after the answer. Claims due requests with {@code FOR UPDATE SKIP LOCKED}: safe
 * with several replicas.
 */
@ApplicationScoped
public class HostNotices {

    private static final Logger LOG = Logger.getLogger(HostNotices.class);
    private static final int BATCH = 50;

    @Inject
    Notifier notifier;

    @Inject
    Clock clock;

    @Inject
    VisitRepository visits;

    @Inject
    VisitSteps steps;

    @Scheduled(identity = "visits-host-notices", every = "${dayuan.visits.host-notice-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return run().onFailure().invoke(failure -> LOG.error("Telling hosts of visit requests failed", failure))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Tells the hosts of up to one batch of requests not yet noticed; how many were told. */
    @WithTransaction
    public Uni<Integer> run() {
        return visits.lockUnnoticedRequests(BATCH).chain(due -> Multi.createFrom().iterable(due)
                .onItem().transformToUniAndConcatenate(this::tell).collect().asList().map(List::size));
    }

    private Uni<Visit> tell(Visit visit) {
        visit.hostNotifiedAt = clock.now();
        return steps.zoneOf(visit)
                .chain(zone -> notifier.notify(visit.hostId, VisitTexts.requestToHost(visit, zone)))
                .replaceWith(visit);
    }
}
