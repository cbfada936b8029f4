package io.dayuan.visits.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.visits.AccessDevice;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AccessDeviceRepository implements PanacheRepositoryBase<AccessDevice, UUID> {

    /** Whether a device has the serial number. */
    @WithSession
    public Uni<Boolean> serialTaken(String serialNumber) {
        return count("serialNumber", serialNumber).map(found -> found > 0);
    }

    @WithSession
    public Uni<List<AccessDevice>> bySite(UUID siteId) {
        return list("siteId = ?1 order by name, id", siteId);
    }
}
