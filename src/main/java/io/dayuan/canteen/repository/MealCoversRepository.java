package io.dayuan.canteen.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.canteen.MealCovers;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class MealCoversRepository implements PanacheRepositoryBase<MealCovers, UUID> {
}
