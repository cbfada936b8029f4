package io.dayuan.visits.service;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.gates.Direction;
import io.dayuan.gates.PassageSource;
import io.dayuan.platform.Clock;
import io.dayuan.visits.AccessDevice;
import io.dayuan.visits.Visit;
import io.dayuan.visits.VisitsConfig;
import io.dayuan.visits.repository.DeviceEventRepository;
import io.dayuan.visits.repository.DeviceEventRepository.Seen;
import io.dayuan.visits.repository.VisitRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * What access devices report: a face recognised (by the employee number it was given, the visit id) or a plate
 * read. Each event is recorded once, by the device's serial number and the event's serial number; the first one
 * moves the visit, a repeat changes nothing.
 */
@ApplicationScoped
public class DeviceEvents {

    /** One event, as a device reports it. */
    public record Reported(String eventSerial, String employeeNo, String plate, Direction direction,
            OffsetDateTime at) {
    }

    /** What became of it: recorded (false for a repeat), and the visit it moved, if any. */
    public record Outcome(boolean recorded, UUID visitId, String visitStatus) {
    }

    @Inject
    VisitRepository visits;

    @Inject
    DeviceEventRepository events;

    @Inject
    VisitGate gate;

    @Inject
    Clock clock;

    @Inject
    VisitsConfig config;

    @WithTransaction
    public Uni<Outcome> record(AccessDevice device, Reported event) {
        OffsetDateTime at = event.at() == null ? clock.now() : event.at();
        Direction direction = event.direction() == null ? device.direction : event.direction();
        return find(device, event, at).chain(visit -> insert(device, event, direction, visit, at)
                .chain(inserted -> outcome(inserted > 0, device, direction, visit, at)));
    }

    /** Records the event once (device serial + event serial); how many rows were inserted. */
    private Uni<Integer> insert(AccessDevice device, Reported event, Direction direction, Visit visit,
            OffsetDateTime at) {
        return events.recordOnce(new Seen(device, event.eventSerial(), direction, event.employeeNo(), event.plate(),
                visit == null ? null : visit.id, at), clock.now());
    }

    /** A new event moves its visit in or out; a repeat moves nothing. */
    private Uni<Outcome> outcome(boolean recorded, AccessDevice device, Direction direction, Visit visit,
            OffsetDateTime at) {
        if (!recorded) {
            return Uni.createFrom().item(new Outcome(false, visit == null ? null : visit.id,
                    visit == null ? null : visit.status.name()));
        }
        if (visit == null) {
            return Uni.createFrom().item(new Outcome(true, null, null));
        }
        Uni<Visit> moved = direction == Direction.IN
                ? gate.enter(visit, device.gateId, PassageSource.DEVICE, null, at, false)
                : gate.leave(visit, device.gateId, PassageSource.DEVICE, null, at, false);
        return moved.map(after -> new Outcome(true, after.id, after.status.name()));
    }

    private Uni<Visit> find(AccessDevice device, Reported event, OffsetDateTime at) {
        if (event.employeeNo() != null) {
            UUID visitId = visitId(event.employeeNo());
            if (visitId == null) {
                return Uni.createFrom().nullItem();
            }
            return visits.findById(visitId).map(visit -> visit == null || visit.parked()
                    || !visit.siteId.equals(device.siteId) ? null : visit);
        }
        if (event.plate() != null) {
            return visits.byPlate(device.siteId, event.plate(), at, at.plus(config.pushLead()));
        }
        return Uni.createFrom().nullItem();
    }

    /** The visit id of an employee number the devices were given (the id without dashes), or null. */
    static UUID visitId(String employeeNo) {
        String hex = employeeNo.strip();
        if (!hex.matches("[0-9a-fA-F]{32}")) {
            return null;
        }
        return UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20));
    }
}
