package io.dayuan.canteen;

import java.time.LocalDate;

import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;

import org.eclipse.microprofile.graphql.NonNull;

import io.dayuan.platform.Identified;

/** A row about one meal of one day (a menu, a registration, waste, covers). */
@MappedSuperclass
public abstract class MealOfDay extends Identified {

    @NonNull
    public LocalDate date;

    @NonNull
    @Enumerated(EnumType.STRING)
    public Meal meal;
}
