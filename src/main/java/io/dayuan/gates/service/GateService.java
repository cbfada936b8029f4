package io.dayuan.gates.service;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Id;

import io.dayuan.gates.Gate;
import io.dayuan.gates.GateKind;
import io.dayuan.gates.repository.GateRepository;
import io.dayuan.platform.Ids;
import io.dayuan.platform.UniqueNames;
import io.dayuan.sites.repository.SiteRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class GateService {

    public record NewGate(@NotNull @Id String siteId, @NotBlank @Size(max = 100) String name, @NotNull GateKind kind) {
    }

    @Inject
    GateRepository repository;

    @Inject
    SiteRepository sites;

    @WithTransaction
    public Uni<Gate> create(NewGate input) {
        Gate gate = new Gate();
        gate.siteId = Ids.parse("siteId", input.siteId());
        gate.name = input.name().strip();
        gate.kind = input.kind();
        return sites.require(gate.siteId)
                .chain(() -> UniqueNames.require(repository.countNamed(gate.siteId, gate.name),
                        "The site has a gate named " + gate.name + " already"))
                .chain(() -> repository.persist(gate));
    }
}
