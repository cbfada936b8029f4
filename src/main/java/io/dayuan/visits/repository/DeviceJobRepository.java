package io.dayuan.visits.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.visits.DeviceJob;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DeviceJobRepository implements PanacheRepositoryBase<DeviceJob, UUID> {

    @WithSession
    public Uni<List<DeviceJob>> ofVisits(Collection<UUID> visitIds) {
        return list("visitId in ?1 order by createdAt", visitIds);
    }
}
