package io.dayuan.gates.repository;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.gates.Gate;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class GateRepository implements PanacheRepositoryBase<Gate, UUID> {

    /** The gates of the given ids, in their order: the answer of a batch resolver. */
    @WithSession
    public Uni<List<Gate>> inOrderOf(List<UUID> ids) {
        return list("id in ?1", new HashSet<>(ids)).map(found -> {
            Map<UUID, Gate> byId = found.stream().collect(Collectors.toMap(gate -> gate.id, gate -> gate));
            return ids.stream().map(byId::get).toList();
        });
    }

    @WithSession
    public Uni<List<Gate>> listBySite(UUID siteId) {
        return list("siteId = ?1 order by name", siteId);
    }
}
