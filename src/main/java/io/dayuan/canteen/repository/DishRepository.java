package io.dayuan.canteen.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.canteen.Dish;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DishRepository implements PanacheRepositoryBase<Dish, UUID> {

    /** The canteen's dishes by category (uncategorised last), then name. */
    public Uni<List<Dish>> ofCanteen(UUID canteenId) {
        return list("from Dish d where d.canteenId = ?1 order by d.category nulls last, d.name", canteenId);
    }

    public Uni<List<Dish>> byIds(Collection<UUID> ids) {
        return list("from Dish d where d.id in ?1", ids);
    }

    /** How many other dishes of the canteen have the name (any dish when {@code except} is null). */
    public Uni<Long> countNamed(UUID canteenId, String name, UUID except) {
        return except == null ? count("canteenId = ?1 and name = ?2", canteenId, name)
                : count("canteenId = ?1 and name = ?2 and id <> ?3", canteenId, name, except);
    }
}
