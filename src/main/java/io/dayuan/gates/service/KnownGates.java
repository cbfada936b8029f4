package io.dayuan.gates.service;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.gates.Gate;
import io.dayuan.gates.repository.GateRepository;
import io.dayuan.platform.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * The gates scans are made at, each looked up once: a gate is never renamed, moved to another site or deleted (no
 * operation does), so what was found stays true and needs no invalidation. Only gates that exist are kept: their
 * number is what admins created. The gates answered are detached and read-only.
 */
@ApplicationScoped
public class KnownGates {

    @Inject
    GateRepository repository;

    private final Map<UUID, Gate> found = new ConcurrentHashMap<>();

    /** The gate, or NOT_FOUND; call it in a session. */
    public Uni<Gate> require(UUID id) {
        Gate known = found.get(id);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return repository.findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("Gate", id))
                .invoke(gate -> found.put(id, gate));
    }
}
