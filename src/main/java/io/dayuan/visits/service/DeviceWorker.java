package io.dayuan.visits.service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.dayuan.gates.GateEvent;
import io.dayuan.gates.GateEventKind;
import io.dayuan.gates.service.GateEvents;
import io.dayuan.platform.Clock;
import io.dayuan.platform.outbox.Backoff;
import io.dayuan.platform.outbox.Mark;
import io.dayuan.platform.outbox.Outbox;
import io.dayuan.platform.outbox.OutboxTable;
import io.dayuan.visits.DeviceAction;
import io.dayuan.visits.DeviceVendor;
import io.dayuan.visits.VisitsConfig;
import io.dayuan.visits.device.AccessDeviceDriver;
import io.dayuan.visits.device.AccessDeviceDriver.Face;
import io.dayuan.visits.device.AccessDeviceDriver.Target;
import io.dayuan.visits.device.AccessDeviceDriver.Window;
import io.dayuan.visits.device.Drivers;
import io.dayuan.visits.repository.DeviceJobRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Runs the device outbox ({@link Outbox}: claimed for a lease, marked only while the claim holds, retried with
 * exponential backoff): tells the devices, records every attempt, and alerts the guards when a push fails. The
 * drivers block, so they are called on a worker thread, never on the event loop. Safe with several replicas.
 */
@ApplicationScoped
public class DeviceWorker {

    private static final Logger LOG = Logger.getLogger(DeviceWorker.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(30);

    private static final OutboxTable TABLE = OutboxTable.named("device_job")
            .waiting("c.status = 'PENDING'")
            .reading("""
                    SELECT c.id, c.action, c.attempts, d.id AS device_id, d.name AS device_name, d.vendor, d.gate_id,
                           d.base_url, d.username, d.password_nonce, d.password_cipher, d.serial_number,
                           v.id AS visit_id, v.site_id, v.visitor_name, v.plate, v.arrive_from, v.arrive_until,
                           v.face_consent_at, f.content_type, f.nonce AS face_nonce, f.ciphertext AS face_ciphertext
                    FROM claimed c JOIN access_device d ON d.id = c.device_id JOIN visit v ON v.id = c.visit_id
                         LEFT JOIN visit_face f ON f.visit_id = v.id AND c.action = 'PUSH_PERSON'""")
            .parking(now -> Mark.of().sql("status = 'FAILED'").set("done_at", now))
            // a job cancelled while it ran stays cancelled: the removal that cancelling scheduled cleans up
            .markedOnlyWhile("status = 'PENDING'");

    /** A claimed job with what its device needs, as the claim read it. */
    record Job(Outbox.Claim claim) {

        DeviceAction action() {
            return DeviceAction.valueOf(claim.row().getString("action"));
        }

        UUID visitId() {
            return claim.row().getUUID("visit_id");
        }

        String serialNumber() {
            return claim.row().getString("serial_number");
        }

        String visitorName() {
            return claim.row().getString("visitor_name");
        }

        String plate() {
            return claim.row().getString("plate");
        }

        Window window() {
            return new Window(claim.row().getOffsetDateTime("arrive_from"),
                    claim.row().getOffsetDateTime("arrive_until"));
        }

        byte[] bytes(String column) {
            var buffer = claim.row().getBuffer(column);
            return buffer == null ? null : buffer.getBytes();
        }
    }

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    DeviceJobRepository jobs;

    @Inject
    Clock clock;

    @Inject
    Drivers drivers;

    @Inject
    VisitCrypto crypto;

    @Inject
    VisitsConfig config;

    private Outbox outbox;

    @PostConstruct
    void outbox() {
        VisitsConfig.DeviceRetry retry = config.deviceRetry();
        outbox = new Outbox(pool, TABLE, new Backoff(retry.maxAttempts(), retry.base(), LONGEST_WAIT));
    }

    @Scheduled(identity = "visits-device-worker", every = "${dayuan.visits.device-worker-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return outbox.scheduled(runDue(clock.now()));
    }

    /** Runs the jobs due at {@code now}, one after the other; returns how many were attempted. */
    public Uni<Integer> runDue(OffsetDateTime now) {
        return outbox.claim(now, LEASE, config.deviceBatch()).chain(claimed -> outbox
                .each(claimed, claim -> claim, 1, claim -> attempt(new Job(claim), now))
                .replaceWith(claimed.size()));
    }

    private Uni<Boolean> attempt(Job job, OffsetDateTime now) {
        return vertx.executeBlocking(() -> tell(job))
                .onFailure(RuntimeException.class).recoverWithItem(failure -> {
                    String error = failure.getMessage() == null ? failure.getClass().getSimpleName()
                            : failure.getMessage();
                    LOG.warnf("Device %s: %s of visit %s failed: %s", job.serialNumber(), job.action(), job.visitId(),
                            error);
                    return error;
                })
                .chain(error -> recordAttempt(job, error, now).chain(() -> settle(job, error, now)));
    }

    /** Tells the device; blocks. Returns null (no error): a failure is thrown. */
    private String tell(Job job) {
        AccessDeviceDriver driver = drivers.of(DeviceVendor.valueOf(job.claim().row().getString("vendor")));
        Target target = target(job);
        Window window = job.window();
        String employeeNo = employeeNo(job.visitId());
        switch (job.action()) {
            case PUSH_PERSON -> driver.pushPerson(target, new AccessDeviceDriver.Visitor(employeeNo, job.visitorName()),
                    window, face(job));
            case REMOVE_PERSON -> driver.removePerson(target, employeeNo);
            case PUSH_PLATE -> driver.pushPlate(target, job.plate(), window);
            case REMOVE_PLATE -> driver.removePlate(target, job.plate());
        }
        return null;
    }

    private Target target(Job job) {
        Row row = job.claim().row();
        byte[] cipher = job.bytes("password_cipher");
        String password = cipher == null ? null : new String(crypto.open(new VisitCrypto.Sealed(
                job.bytes("password_nonce"), cipher), "device:" + job.serialNumber()), StandardCharsets.UTF_8);
        return new Target(row.getUUID("device_id").toString(), row.getString("base_url"), row.getString("username"),
                password, job.serialNumber());
    }

    private Face face(Job job) {
        byte[] cipher = job.bytes("face_ciphertext");
        if (cipher == null || job.claim().row().getOffsetDateTime("face_consent_at") == null) {
            return null;
        }
        return new Face(crypto.open(new VisitCrypto.Sealed(job.bytes("face_nonce"), cipher), "face:" + job.visitId()),
                job.claim().row().getString("content_type"));
    }

    /** A visit as devices know it: its id without dashes (32 characters, ISAPI's employeeNo limit). */
    public static String employeeNo(UUID visitId) {
        return visitId.toString().replace("-", "");
    }

    private Uni<Void> recordAttempt(Job job, String error, OffsetDateTime now) {
        return jobs.recordAttempt(job.claim().id(), now, error);
    }

    private Uni<Boolean> settle(Job job, String error, OffsetDateTime now) {
        if (error == null) {
            return outbox.done(job.claim(), Mark.of().sql("status = 'DONE'").set("done_at", now)
                    .sql("last_error = NULL"));
        }
        String brief = error.length() > 500 ? error.substring(0, 500) : error;
        boolean tooLate = job.action().push() && !now.isBefore(job.window().until());
        int attempts = job.claim().failures() + 1;
        String alert = outbox.parks(job.claim(), tooLate) ? "gave up after " + attempts + " attempts: " + brief
                : attempts == 1 ? "failed, retrying: " + brief : null;
        return outbox.failed(job.claim(), now, brief, tooLate, Mark.of(), alert == null ? null : alert(job, alert, now));
    }

    /** The guards' alert, as the payload of a gate event. */
    private static String alert(Job job, String detail, OffsetDateTime now) {
        Row row = job.claim().row();
        return GateEvents.payload(new GateEvent(GateEventKind.ALERT, row.getUUID("site_id").toString(),
                row.getUUID("gate_id").toString(), null, job.visitorName(), job.plate(),
                "Device " + row.getString("device_name") + " (" + job.serialNumber() + "): " + job.action() + " "
                        + detail,
                now));
    }
}
