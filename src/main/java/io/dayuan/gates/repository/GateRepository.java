package io.dayuan.gates.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.gates.Gate;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class GateRepository implements PanacheRepositoryBase<Gate, UUID> {

    @WithSession
    public Uni<List<Gate>> listBySite(UUID siteId) {
        return list("siteId = ?1 order by name", siteId);
    }
}
