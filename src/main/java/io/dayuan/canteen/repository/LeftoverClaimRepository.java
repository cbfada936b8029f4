package io.dayuan.canteen.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.canteen.LeftoverClaim;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class LeftoverClaimRepository implements PanacheRepositoryBase<LeftoverClaim, UUID> {
}
