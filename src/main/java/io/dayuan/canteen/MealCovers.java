package io.dayuan.canteen;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import io.dayuan.platform.Identified;

/** The number of diners served at a meal, as counted by the canteen. */
@Entity
public class MealCovers extends Identified {

    public UUID canteenId;

    public LocalDate date;

    @Enumerated(EnumType.STRING)
    public Meal meal;

    public int covers;

    public OffsetDateTime recordedAt;
}
