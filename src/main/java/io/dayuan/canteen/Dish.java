package io.dayuan.canteen;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.dayuan.platform.Identified;

@Entity
@Description("A dish of a canteen's library")
public class Dish extends Identified {

    @Ignore
    public UUID canteenId;

    @NonNull
    public String name;

    @Enumerated(EnumType.STRING)
    public DishCategory category;

    @NonNull
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<@NonNull Allergen> allergens;

    @NonNull
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<@NonNull DishTag> tags;

    @Description("Price for staff, in cents (分)")
    public Integer staffPriceCents;

    @Description("Price for guests, in cents (分)")
    public Integer guestPriceCents;

    @Description("URL of a photo of the dish")
    public String photoUrl;

    @Description("Price for staff, in cents (the same as staffPriceCents)")
    public Integer getPriceCents() {
        return staffPriceCents;
    }
}
