package io.dayuan.visits.service;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import io.dayuan.gates.GateEvent;
import io.dayuan.gates.GateEventKind;
import io.dayuan.gates.service.GateEvents;
import io.dayuan.notifications.service.Notifier;
import io.dayuan.people.Person;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Roles;
import io.dayuan.sites.Site;
import io.dayuan.sites.repository.SiteRepository;
import io.dayuan.visits.BlocklistEntry;
import io.dayuan.visits.Visit;
import io.dayuan.visits.VisitApproved;
import io.dayuan.visits.VisitClosed;
import io.dayuan.visits.repository.VisitRepository;
import io.dayuan.visits.service.NewVisit.Checked;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Steps that inviting, requesting, deciding and cancelling a visit share; each runs in the caller's transaction. */
@ApplicationScoped
public class VisitSteps {

    @Inject
    VisitRepository visits;

    @Inject
    SiteRepository sites;

    @Inject
    DeviceJobs deviceJobs;

    @Inject
    Faces faces;

    @Inject
    Notifier notifier;

    @Inject
    GateEvents gateEvents;

    @Inject
    Event<VisitApproved> approvedEvents;

    @Inject
    Event<VisitClosed> closedEvents;

    /** The time zone of the visit's site, which the visit's texts give their times in. */
    Uni<ZoneId> zoneOf(Visit visit) {
        return sites.require(visit.siteId).map(Site::zone);
    }

    /** The visit, if the caller is its host or an admin. */
    Uni<Visit> hosted(Person caller, boolean admin, UUID id) {
        return visits.require(id).map(visit -> {
            if (!admin && !caller.id.equals(visit.hostId)) {
                throw ApiException.forbidden("Only the visit's host or an admin may do this");
            }
            return visit;
        });
    }

    /** Devices get the visit, and other features (passes) hear of it, in the approving transaction. */
    Uni<Void> approved(Visit visit, OffsetDateTime now) {
        VisitApproved event = new VisitApproved(visit.id, visit.siteId, visit.visitorName, visit.plate,
                visit.arriveFrom, visit.arriveUntil);
        return Panache.getSession().chain(session -> session.flush())
                .chain(() -> deviceJobs.schedule(visit, now))
                .chain(() -> {
                    approvedEvents.fire(event);
                    return followUps(event.followUps());
                });
    }

    /** The face is deleted and devices withdraw the visitor; other features hear of it. */
    Uni<Void> closed(Visit visit, OffsetDateTime now, String reason) {
        VisitClosed event = new VisitClosed(visit.id, visit.status);
        return faces.delete(visit.id, reason, now)
                .chain(() -> deviceJobs.withdraw(visit, now))
                .chain(() -> {
                    closedEvents.fire(event);
                    return followUps(event.followUps());
                });
    }

    private static Uni<Void> followUps(List<Supplier<Uni<?>>> work) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Supplier<Uni<?>> step : work) {
            chain = chain.chain(() -> step.get()).replaceWithVoid();
        }
        return chain;
    }

    /** The guards of the site see a gate ALERT and get a notification. */
    Uni<Void> alertBlocked(Checked checked, BlocklistEntry blocked, OffsetDateTime now, String how) {
        String detail = "Blocklisted visitor (" + blocked.kind + ") " + how;
        return gateEvents.publish(new GateEvent(GateEventKind.ALERT, checked.siteId().toString(), null, null,
                checked.name(), checked.plate(), detail, now))
                .chain(() -> notifier.notifyRole(Roles.GUARD, checked.siteId(), VisitTexts.blocked(checked.name())));
    }
}
