package io.dayuan.canteen.repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.canteen.DishRating;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DishRatingRepository implements PanacheRepositoryBase<DishRating, UUID> {

    /** (dish name, average stars, ratings) of the dishes served at the canteen from..to, best rated first. */
    public Uni<List<Object[]>> scores(UUID canteenId, LocalDate from, LocalDate to) {
        return CanteenQueries.rows(getSession(), "select d.name, avg(r.stars), count(r) from DishRating r, "
                + "MenuItem i, Menu m, Dish d where r.menuItemId = i.id and i.menuId = m.id "
                + "and r.dishId = d.id and m.canteenId = ?1 and m.date between ?2 and ?3 "
                + "group by d.name order by avg(r.stars) desc, d.name", canteenId, from, to);
    }

    /** (dish id, average stars, ratings) of the dishes. */
    public Uni<List<Object[]>> averages(Collection<UUID> dishIds) {
        return getSession().chain(session -> session.createSelectionQuery(
                "select r.dishId, avg(r.stars), count(r) from DishRating r where r.dishId in ?1 group by r.dishId",
                Object[].class).setParameter(1, dishIds).getResultList());
    }

    /** The person's rating of a menu item; null without one. */
    public Uni<DishRating> findOf(UUID menuItemId, UUID personId) {
        return find("from DishRating r where r.menuItemId = ?1 and r.personId = ?2", menuItemId, personId).firstResult();
    }

    /** The newest ratings of a dish. */
    public Uni<List<DishRating>> newestOf(UUID dishId, int count) {
        return find("from DishRating r where r.dishId = ?1 order by r.updatedAt desc", dishId).page(0, count).list();
    }
}
