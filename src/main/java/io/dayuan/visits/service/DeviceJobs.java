package io.dayuan.visits.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.visits.AccessDevice;
import io.dayuan.visits.DeviceAction;
import io.dayuan.visits.DeviceJob;
import io.dayuan.visits.DeviceKind;
import io.dayuan.visits.DeviceState;
import io.dayuan.visits.Visit;
import io.dayuan.visits.VisitsConfig;
import io.dayuan.visits.repository.AccessDeviceRepository;
import io.dayuan.visits.repository.DeviceJobRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The durable outbox of what devices must be told about visits. Jobs are rows: written in the transaction that
 * approves, cancels or changes a visit, run by {@link DeviceWorker}.
 */
@ApplicationScoped
public class DeviceJobs {

    @Inject
    DeviceJobRepository jobs;

    @Inject
    AccessDeviceRepository devices;

    @Inject
    VisitsConfig config;

    /** For an approved visit: push to every device of its site ahead of the window, remove at its end. */
    public Uni<Void> schedule(Visit visit, OffsetDateTime now) {
        return devices.bySite(visit.siteId).chain(siteDevices -> {
            List<DeviceJob> planned = new ArrayList<>();
            OffsetDateTime pushAt = max(now, visit.arriveFrom.minus(config.pushLead()));
            for (AccessDevice device : siteDevices) {
                if (device.kind == DeviceKind.FACE_TERMINAL) {
                    planned.add(job(visit.id, device.id, DeviceAction.PUSH_PERSON, pushAt));
                    planned.add(job(visit.id, device.id, DeviceAction.REMOVE_PERSON, visit.arriveUntil));
                } else if (visit.plate != null) {
                    planned.add(job(visit.id, device.id, DeviceAction.PUSH_PLATE, pushAt));
                    planned.add(job(visit.id, device.id, DeviceAction.REMOVE_PLATE, visit.arriveUntil));
                }
            }
            return planned.isEmpty() ? Uni.createFrom().voidItem() : jobs.persist(planned).replaceWithVoid();
        });
    }

    /**
     * The visit ends early (cancelled, rejected): pushes not yet done are cancelled, and the devices that know
     * the visitor are told to forget them now.
     */
    public Uni<Void> withdraw(Visit visit, OffsetDateTime now) {
        return jobs.ofVisit(visit.id, null, DeviceJob.Status.PENDING).chain(pending -> {
            for (DeviceJob job : pending) {
                if (job.action.push()) {
                    job.status = DeviceJob.Status.CANCELLED;
                    job.doneAt = now;
                } else {
                    job.dueAt = now;
                }
            }
            return Panache.getSession().chain(session -> session.flush());
        });
    }

    /** A new face: the face terminals that already know the visitor get the person again, with the face. */
    public Uni<Void> repushFaces(Visit visit, OffsetDateTime now) {
        return jobs.ofVisit(visit.id, DeviceAction.PUSH_PERSON, DeviceJob.Status.DONE).chain(done -> {
            List<DeviceJob> again = done.stream().map(job -> job.deviceId).distinct()
                    .map(device -> job(visit.id, device, DeviceAction.PUSH_PERSON, now)).toList();
            return again.isEmpty() ? Uni.createFrom().voidItem() : jobs.persist(again).replaceWithVoid();
        });
    }

    /** The device state of each visit, in their order. */
    @WithSession
    public Uni<List<DeviceState>> states(List<Visit> visits) {
        List<UUID> ids = visits.stream().map(visit -> visit.id).toList();
        return jobs.ofVisits(ids).map(found -> {
            Map<UUID, List<DeviceJob>> byVisit = found.stream().collect(Collectors.groupingBy(job -> job.visitId));
            return ids.stream().map(id -> state(byVisit.getOrDefault(id, List.of()))).toList();
        });
    }

    static DeviceState state(Collection<DeviceJob> jobs) {
        List<DeviceJob> live = jobs.stream().filter(job -> job.status != DeviceJob.Status.CANCELLED).toList();
        if (live.isEmpty()) {
            return DeviceState.NONE;
        }
        Map<UUID, List<DeviceJob>> byDevice = new HashMap<>();
        live.forEach(job -> byDevice.computeIfAbsent(job.deviceId, key -> new ArrayList<>()).add(job));
        boolean failed = live.stream().anyMatch(job -> job.action.push() && (job.status == DeviceJob.Status.FAILED
                || (job.status == DeviceJob.Status.PENDING && job.lastError != null)));
        if (failed) {
            return DeviceState.FAILED;
        }
        boolean removed = live.stream().anyMatch(job -> !job.action.push() && job.status == DeviceJob.Status.DONE);
        boolean pendingPush = live.stream().anyMatch(job -> job.action.push() && job.status == DeviceJob.Status.PENDING);
        if (removed && !pendingPush) {
            return DeviceState.REMOVED;
        }
        boolean pushed = live.stream().anyMatch(job -> job.action.push() && job.status == DeviceJob.Status.DONE);
        return pushed && !pendingPush ? DeviceState.PUSHED : DeviceState.SCHEDULED;
    }

    private static DeviceJob job(UUID visitId, UUID deviceId, DeviceAction action, OffsetDateTime due) {
        DeviceJob job = new DeviceJob();
        job.visitId = visitId;
        job.deviceId = deviceId;
        job.action = action;
        job.status = DeviceJob.Status.PENDING;
        job.dueAt = due;
        return job;
    }

    private static OffsetDateTime max(OffsetDateTime a, OffsetDateTime b) {
        return a.isAfter(b) ? a : b;
    }
}
