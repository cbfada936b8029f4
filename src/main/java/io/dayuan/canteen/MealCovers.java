package io.dayuan.canteen;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;

/** The number of diners served at a meal, as counted by the canteen. */
@Entity
public class MealCovers extends MealOfDay {

    public UUID canteenId;

    public int covers;

    public OffsetDateTime recordedAt;
}
