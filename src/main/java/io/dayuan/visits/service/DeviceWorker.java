package io.dayuan.visits.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.dayuan.gates.GateEvent;
import io.dayuan.gates.GateEventKind;
import io.dayuan.gates.service.GateEvents;
import io.dayuan.visits.AccessDevice;
import io.dayuan.visits.DeviceAction;
import io.dayuan.visits.DeviceJob;
import io.dayuan.visits.Visit;
import io.dayuan.visits.VisitFace;
import io.dayuan.visits.device.AccessDeviceDriver;
import io.dayuan.visits.device.AccessDeviceDriver.Face;
import io.dayuan.visits.device.AccessDeviceDriver.Target;
import io.dayuan.visits.device.AccessDeviceDriver.Window;
import io.dayuan.visits.device.Drivers;
import io.dayuan.visits.repository.AccessDeviceRepository;
import io.dayuan.visits.repository.VisitRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Runs the device outbox: claims due jobs (FOR UPDATE SKIP LOCKED, with a lease so that a crashed replica's claim
 * runs out), tells the devices, records every attempt, retries with exponential backoff, and alerts the guards
 * when a push fails. Safe with several replicas.
 */
@ApplicationScoped
public class DeviceWorker {

    private static final Logger LOG = Logger.getLogger(DeviceWorker.class);
    private static final Duration LEASE = Duration.ofMinutes(2);

    /** A claimed job with what its device needs. */
    record Work(UUID jobId, DeviceAction action, int attempts, Target target, AccessDevice device, Visit visit,
            Face face) {
    }

    @Inject
    Pool pool;

    @Inject
    VisitClock clock;

    @Inject
    Drivers drivers;

    @Inject
    VisitRepository visits;

    @Inject
    AccessDeviceRepository devices;

    @Inject
    VisitCrypto crypto;

    @Inject
    GateEvents gateEvents;

    @Inject
    @ConfigProperty(name = "dayuan.visits.device-retry.base")
    Duration retryBase;

    @Inject
    @ConfigProperty(name = "dayuan.visits.device-retry.max-attempts")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "dayuan.visits.device-batch", defaultValue = "20")
    int batch;

    @Scheduled(identity = "visits-device-worker", every = "${dayuan.visits.device-worker-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            runDue(clock.now());
        } catch (Throwable e) {
            LOG.error("Device worker run failed", e);
        }
    }

    /** Runs every job due at {@code now}; returns how many were attempted. Blocking: call it off the event loop. */
    public int runDue(OffsetDateTime now) throws Throwable {
        List<UUID> claimed = VertxContextSupport.subscribeAndAwait(() -> claim(now));
        for (UUID jobId : claimed) {
            Work work = VertxContextSupport.subscribeAndAwait(() -> load(jobId));
            if (work == null) {
                continue;
            }
            String error = null;
            try {
                execute(work);
            } catch (RuntimeException failure) {
                error = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
                LOG.warnf("Device %s: %s of visit %s failed: %s", work.device().serialNumber, work.action(),
                        work.visit().id, error);
            }
            String outcome = error;
            VertxContextSupport.subscribeAndAwait(() -> complete(work, outcome, now));
        }
        return claimed.size();
    }

    private Uni<List<UUID>> claim(OffsetDateTime now) {
        return pool.preparedQuery("""
                UPDATE device_job SET locked_until = $2, attempts = attempts + 1
                WHERE id IN (SELECT id FROM device_job
                             WHERE status = 'PENDING' AND due_at <= $1 AND (locked_until IS NULL OR locked_until < $1)
                             ORDER BY due_at LIMIT $3 FOR UPDATE SKIP LOCKED)
                RETURNING id""").execute(Tuple.of(now, now.plus(LEASE), batch)).map(rows -> {
            List<UUID> ids = new ArrayList<>();
            for (Row row : rows) {
                ids.add(row.getUUID("id"));
            }
            return ids;
        });
    }

    private Uni<Work> load(UUID jobId) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.find(DeviceJob.class, jobId)
                .chain(job -> session.find(AccessDevice.class, job.deviceId)
                        .chain(device -> session.find(Visit.class, job.visitId)
                                .chain(visit -> (job.action == DeviceAction.PUSH_PERSON
                                        ? session.find(VisitFace.class, visit.id)
                                        : Uni.createFrom().<VisitFace> nullItem())
                                        .map(face -> work(job, device, visit, face)))))));
    }

    private Work work(DeviceJob job, AccessDevice device, Visit visit, VisitFace face) {
        String password = device.passwordCipher == null ? null
                : new String(crypto.open(new VisitCrypto.Sealed(device.passwordNonce, device.passwordCipher),
                        "device:" + device.serialNumber), java.nio.charset.StandardCharsets.UTF_8);
        Target target = new Target(device.id.toString(), device.baseUrl, device.username, password,
                device.serialNumber);
        Face photo = face == null || visit.faceConsentAt == null ? null
                : new Face(crypto.open(new VisitCrypto.Sealed(face.nonce, face.ciphertext), "face:" + visit.id),
                        face.contentType);
        return new Work(job.id, job.action, job.attempts, target, device, visit, photo);
    }

    private void execute(Work work) {
        AccessDeviceDriver driver = drivers.of(work.device().vendor);
        Visit visit = work.visit();
        Window window = new Window(visit.arriveFrom, visit.arriveUntil);
        switch (work.action()) {
            case PUSH_PERSON -> driver.pushPerson(work.target(),
                    new AccessDeviceDriver.Visitor(employeeNo(visit.id), visit.visitorName), window, work.face());
            case REMOVE_PERSON -> driver.removePerson(work.target(), employeeNo(visit.id));
            case PUSH_PLATE -> driver.pushPlate(work.target(), visit.plate, window);
            case REMOVE_PLATE -> driver.removePlate(work.target(), visit.plate);
        }
    }

    /** A visit as devices know it: its id without dashes (32 characters, ISAPI's employeeNo limit). */
    public static String employeeNo(UUID visitId) {
        return visitId.toString().replace("-", "");
    }

    private Uni<Void> complete(Work work, String error, OffsetDateTime now) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("INSERT INTO device_job_attempt (job_id, attempted_at, ok, error) "
                        + "VALUES (:job, :at, :ok, :error)")
                .setParameter("job", work.jobId()).setParameter("at", now).setParameter("ok", error == null)
                .setParameter("error", error).executeUpdate()
                .chain(() -> session.find(DeviceJob.class, work.jobId()))
                .chain(job -> {
                    job.lockedUntil = null;
                    if (job.status != DeviceJob.Status.PENDING) {
                        // cancelled while it ran: the removal that cancelling scheduled cleans up
                        return Uni.createFrom().voidItem();
                    }
                    if (error == null) {
                        job.status = DeviceJob.Status.DONE;
                        job.doneAt = now;
                        job.lastError = null;
                        return Uni.createFrom().voidItem();
                    }
                    job.lastError = error.length() > 500 ? error.substring(0, 500) : error;
                    boolean tooLate = job.action.push() && !now.isBefore(work.visit().arriveUntil);
                    if (job.attempts >= maxAttempts || tooLate) {
                        job.status = DeviceJob.Status.FAILED;
                        job.doneAt = now;
                        return alert(work, "gave up after " + job.attempts + " attempts: " + job.lastError, now);
                    }
                    job.dueAt = now.plus(backoff(job.attempts));
                    return job.attempts == 1 ? alert(work, "failed, retrying: " + job.lastError, now)
                            : Uni.createFrom().voidItem();
                })));
    }

    Duration backoff(int attempts) {
        Duration delay = retryBase.multipliedBy(1L << Math.min(attempts - 1, 10));
        return delay.compareTo(Duration.ofMinutes(30)) > 0 ? Duration.ofMinutes(30) : delay;
    }

    private Uni<Void> alert(Work work, String detail, OffsetDateTime now) {
        Visit visit = work.visit();
        return gateEvents.publish(new GateEvent(GateEventKind.ALERT, visit.siteId.toString(),
                work.device().gateId.toString(), null, visit.visitorName, visit.plate,
                "Device " + work.device().name + " (" + work.device().serialNumber + "): " + work.action() + " "
                        + detail,
                now));
    }
}
