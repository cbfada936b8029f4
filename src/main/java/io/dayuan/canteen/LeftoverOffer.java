package io.dayuan.canteen;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.annotations.CreationTimestamp;

import io.dayuan.platform.Clock;

@Entity
@Description("Portions of a dish left after a meal that staff may claim (剩余菜品换购)")
public class LeftoverOffer extends MealOfDay {

    @Ignore
    public UUID canteenId;

    @Ignore
    public UUID dishId;

    @Description("Portions offered")
    public int portions;

    @Description("Portions claimed so far")
    public int claimed;

    @Description("Price per portion in cents; 0 for free")
    public int priceCents;

    @NonNull
    @Description("Claims close at this time")
    public OffsetDateTime availableUntil;

    @Ignore
    public UUID offeredBy;

    @Ignore
    @CreationTimestamp
    public OffsetDateTime createdAt;

    @Description("Portions still free to claim")
    public int getRemainingPortions() {
        return portions - claimed;
    }

    @Description("Whether claims are still taken: before availableUntil and portions remain")
    public boolean isOpen() {
        return claimed < portions && availableUntil.isAfter(Clock.current());
    }
}
