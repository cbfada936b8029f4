package io.dayuan.canteen;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.annotations.CreationTimestamp;

import io.dayuan.platform.Identified;

@Entity
@Description("A diner's suggestion to the canteen and the manager's answer")
public class Suggestion extends Identified {

    @Ignore
    public UUID canteenId;

    @Ignore
    public UUID personId;

    @NonNull
    public String text;

    public String answer;

    public OffsetDateTime answeredAt;

    @Ignore
    public UUID answeredBy;

    @NonNull
    @CreationTimestamp
    public OffsetDateTime createdAt;

    @Description("Sent without a name: the canteen does not know who wrote it")
    public boolean isAnonymous() {
        return personId == null;
    }
}
