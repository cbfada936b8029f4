package io.dayuan.canteen;

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

@Entity
@Description("Food thrown away, weighed by the canteen")
public class WasteRecord extends MealOfDay {

    @Ignore
    public UUID canteenId;

    @NonNull
    @Enumerated(EnumType.STRING)
    public WasteStage stage;

    public int weightGrams;

    @Id
    @Description("The dish wasted, if known")
    public UUID dishId;

    public String reason;

    @Description("What the wasted food cost, in cents")
    public Integer costCents;

    @Description("Recorded during an unannounced inspection")
    public boolean inspection;

    @Ignore
    public UUID recordedBy;

    @NonNull
    @CreationTimestamp
    public OffsetDateTime recordedAt;
}
