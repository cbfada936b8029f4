package io.dayuan.canteen;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.annotations.CreationTimestamp;

import io.dayuan.platform.Identified;

@Entity
@Description("A person's advance notice that they will eat a meal (报餐)")
public class MealRegistration extends Identified {

    @Id
    @NonNull
    @Description("The canteen's id")
    public UUID canteenId;

    @Ignore
    public UUID personId;

    @NonNull
    public LocalDate date;

    @NonNull
    @Enumerated(EnumType.STRING)
    public Meal meal;

    @NonNull
    @CreationTimestamp
    public OffsetDateTime createdAt;
}
