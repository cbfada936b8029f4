package io.dayuan.canteen.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.canteen.Dish;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DishRepository implements PanacheRepositoryBase<Dish, UUID> {
}
