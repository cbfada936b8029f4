package io.dayuan.notifications.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.notifications.Device;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<Device, UUID> {

    @WithSession
    public Uni<Device> findByToken(String token) {
        return find("token", token).firstResult();
    }
}
