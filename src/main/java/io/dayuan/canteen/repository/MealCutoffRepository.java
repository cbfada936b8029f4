package io.dayuan.canteen.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.canteen.Meal;
import io.dayuan.canteen.MealCutoff;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MealCutoffRepository implements PanacheRepositoryBase<MealCutoff, UUID> {

    /** The cut-offs the canteen set (meals without one use the configured default). */
    public Uni<List<MealCutoff>> ofCanteen(UUID canteenId) {
        return list("canteenId", canteenId);
    }

    /** The canteen's own cut-off of a meal; null without one. */
    public Uni<MealCutoff> findOf(UUID canteenId, Meal meal) {
        return find("canteenId = ?1 and meal = ?2", canteenId, meal).firstResult();
    }
}
