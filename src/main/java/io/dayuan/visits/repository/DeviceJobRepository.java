package io.dayuan.visits.repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.visits.DeviceAction;
import io.dayuan.visits.DeviceJob;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class DeviceJobRepository implements PanacheRepositoryBase<DeviceJob, UUID> {

    @Inject
    Pool pool;

    /** The visit's jobs of a status, and of one action unless {@code action} is null. */
    @WithSession
    public Uni<List<DeviceJob>> ofVisit(UUID visitId, DeviceAction action, DeviceJob.Status status) {
        return action == null ? list("visitId = ?1 and status = ?2", visitId, status)
                : list("visitId = ?1 and action = ?2 and status = ?3", visitId, action, status);
    }

    /** One attempt at a job, as the worker's log; on the worker's connection, outside any session. */
    public Uni<Void> recordAttempt(UUID jobId, OffsetDateTime at, String error) {
        return pool.preparedQuery("INSERT INTO device_job_attempt (job_id, attempted_at, ok, error) "
                + "VALUES ($1, $2, $3, $4)").execute(Tuple.of(jobId, at, error == null, error)).replaceWithVoid();
    }

    @WithSession
    public Uni<List<DeviceJob>> ofVisits(Collection<UUID> visitIds) {
        return list("visitId in ?1 order by createdAt", visitIds);
    }
}
