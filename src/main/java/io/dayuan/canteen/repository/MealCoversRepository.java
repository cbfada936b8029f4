package io.dayuan.canteen.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.canteen.Meal;
import io.dayuan.canteen.MealCovers;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MealCoversRepository implements PanacheRepositoryBase<MealCovers, UUID> {

    /** The covers recorded for a meal of a day at the canteen; null before any. */
    public Uni<MealCovers> findOf(UUID canteenId, LocalDate date, Meal meal) {
        return find("from MealCovers c where c.canteenId = ?1 and c.date = ?2 and c.meal = ?3", canteenId, date, meal)
                .firstResult();
    }

    /** (meal, covers - registrations) of the meals with covers from {@code since} to before {@code before}, newest first. */
    public Uni<List<Object[]>> walkIns(UUID canteenId, LocalDate before, LocalDate since) {
        return CanteenQueries.rows(getSession(), "select c.meal, c.covers - (select count(r) from MealRegistration r "
                + "where r.canteenId = c.canteenId and r.date = c.date and r.meal = c.meal) from MealCovers c "
                + "where c.canteenId = ?1 and c.date < ?2 and c.date >= ?3 order by c.date desc", canteenId, before, since);
    }

    /** (meal, covers) summed over the days from..to. */
    public Uni<List<Object[]>> byMeal(UUID canteenId, LocalDate from, LocalDate to) {
        return CanteenQueries.rows(getSession(), "select c.meal, sum(c.covers) from MealCovers c where c.canteenId = ?1 "
                + "and c.date between ?2 and ?3 group by c.meal", canteenId, from, to);
    }

    /** (date, covers) of the days from..to. */
    public Uni<List<Object[]>> byDay(UUID canteenId, LocalDate from, LocalDate to) {
        return CanteenQueries.rows(getSession(), "select c.date, sum(c.covers) from MealCovers c "
                + "where c.canteenId = ?1 and c.date between ?2 and ?3 group by c.date", canteenId, from, to);
    }
}
