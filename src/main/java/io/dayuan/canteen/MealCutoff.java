package io.dayuan.canteen;

import java.time.LocalTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.eclipse.microprofile.graphql.Ignore;

import io.dayuan.platform.Identified;

/** A canteen's own cut-off for registering for a meal; canteens without one use the configured default. */
@Entity
public class MealCutoff extends Identified {

    public UUID canteenId;

    @Enumerated(EnumType.STRING)
    public Meal meal;

    public int daysBefore;

    public LocalTime atTime;
}
