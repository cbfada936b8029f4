package io.dayuan.canteen;

import java.time.LocalDate;

/** One meal of one day: the key of per-meal figures (registrations, planned portions). */
public record DayMeal(LocalDate date, Meal meal) {
}
