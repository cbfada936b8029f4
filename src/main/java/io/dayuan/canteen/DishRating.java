package io.dayuan.canteen;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import io.dayuan.platform.Identified;

@Entity
@Description("A person's rating of a dish they were served")
public class DishRating extends Identified {

    @Id
    @NonNull
    public UUID menuItemId;

    @Id
    @NonNull
    public UUID dishId;

    @Ignore
    public UUID personId;

    @Description("1 (poor) to 5 (excellent)")
    public int stars;

    public String comment;

    @NonNull
    public OffsetDateTime updatedAt;
}
