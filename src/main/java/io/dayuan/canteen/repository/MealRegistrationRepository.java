package io.dayuan.canteen.repository;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.canteen.DayMeal;
import io.dayuan.canteen.Meal;
import io.dayuan.canteen.MealRegistration;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MealRegistrationRepository implements PanacheRepositoryBase<MealRegistration, UUID> {

    /** The person's registration for a meal of a day, at any canteen; null without one. */
    public Uni<MealRegistration> findOf(UUID personId, LocalDate date, Meal meal) {
        return find("from MealRegistration r where r.personId = ?1 and r.date = ?2 and r.meal = ?3", personId, date,
                meal).firstResult();
    }

    /** Deletes the person's registration for a meal of a day at the canteen; how many rows went (0 or 1). */
    public Uni<Long> deleteOf(UUID personId, UUID canteenId, LocalDate date, Meal meal) {
        return delete("from MealRegistration r where r.personId = ?1 and r.canteenId = ?2 and r.date = ?3 and r.meal = ?4",
                personId, canteenId, date, meal);
    }

    /** The person's registrations between two dates (inclusive), by date and meal. */
    public Uni<List<MealRegistration>> ofPerson(UUID personId, LocalDate from, LocalDate to) {
        return list("from MealRegistration r where r.personId = ?1 and r.date between ?2 and ?3 order by r.date, r.meal",
                personId, from, to);
    }

    /** How many registered for each meal of each day at the canteen between two dates (inclusive). */
    public Uni<Map<DayMeal, Long>> countByDayMeal(UUID canteenId, LocalDate from, LocalDate to) {
        return CanteenQueries.rows(getSession(), "select r.date, r.meal, count(r) from MealRegistration r "
                + "where r.canteenId = ?1 and r.date between ?2 and ?3 group by r.date, r.meal", canteenId, from, to)
                .map(MealRegistrationRepository::byDayMeal);
    }

    /** How many registered for each meal at the canteen between two dates (inclusive). */
    public Uni<List<Object[]>> countByMeal(UUID canteenId, LocalDate from, LocalDate to) {
        return CanteenQueries.rows(getSession(), "select r.meal, count(r) from MealRegistration r where r.canteenId = ?1 "
                + "and r.date between ?2 and ?3 group by r.meal", canteenId, from, to);
    }

    /** Rows of (date, meal, number) as a map; the number may be null (a sum over nulls). */
    static Map<DayMeal, Long> byDayMeal(List<Object[]> rows) {
        Map<DayMeal, Long> figures = new HashMap<>();
        rows.forEach(row -> figures.put(new DayMeal((LocalDate) row[0], (Meal) row[1]), (Long) row[2]));
        return figures;
    }
}
