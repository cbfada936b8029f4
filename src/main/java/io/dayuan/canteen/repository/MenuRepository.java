package io.dayuan.canteen.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.canteen.DayMeal;
import io.dayuan.canteen.Meal;
import io.dayuan.canteen.Menu;
import io.dayuan.canteen.MenuStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MenuRepository implements PanacheRepositoryBase<Menu, UUID> {

    /** The canteen's menu of a meal of a day; null without one. */
    public Uni<Menu> findOf(UUID canteenId, LocalDate date, Meal meal) {
        return find("from Menu m where m.canteenId = ?1 and m.date = ?2 and m.meal = ?3", canteenId, date, meal)
                .firstResult();
    }

    /** The canteen's menus between two dates (inclusive), drafts too if asked, by date and meal. */
    public Uni<List<Menu>> inRange(UUID canteenId, LocalDate from, LocalDate to, boolean withDrafts) {
        String query = "from Menu m where m.canteenId = ?1 and m.date between ?2 and ?3"
                + (withDrafts ? "" : " and m.status = ?4") + " order by m.date, m.meal";
        return withDrafts ? list(query, canteenId, from, to) : list(query, canteenId, from, to, MenuStatus.PUBLISHED);
    }

    /** Portions planned on the canteen's menus for each meal of each day between two dates (null: none planned). */
    public Uni<Map<DayMeal, Long>> plannedPortions(UUID canteenId, LocalDate from, LocalDate to) {
        return CanteenQueries.rows(getSession(), "select m.date, m.meal, sum(i.plannedPortions) from Menu m, MenuItem i "
                + "where i.menuId = m.id and m.canteenId = ?1 and m.date between ?2 and ?3 group by m.date, m.meal",
                canteenId, from, to).map(MealRegistrationRepository::byDayMeal);
    }
}
