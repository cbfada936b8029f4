package io.dayuan.canteen;

import java.time.OffsetDateTime;
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

@Entity
@Description("What a canteen serves at one meal of one day")
public class Menu extends MealOfDay {

    @Ignore
    public UUID canteenId;

    @NonNull
    @Enumerated(EnumType.STRING)
    public MenuStatus status;

    @Description("0 while a draft, 1 once published, +1 for each correction after publishing")
    public int revision;

    public OffsetDateTime publishedAt;

    @Description("When the published menu was last corrected; null if it never was")
    public OffsetDateTime correctedAt;

    @Description("The manager's note on the last correction")
    public String correctionNote;

    @Description("The dishes the menu listed before its last correction")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<@NonNull String> previousDishNames;

    @Ignore
    public OffsetDateTime updatedAt;

    @Description("Whether the published menu was corrected after publishing")
    public boolean isCorrected() {
        return correctedAt != null;
    }
}
