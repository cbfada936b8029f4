package io.dayuan.canteen.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.canteen.LeftoverOffer;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class LeftoverOfferRepository implements PanacheRepositoryBase<LeftoverOffer, UUID> {
}
