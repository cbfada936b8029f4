package io.dayuan.canteen;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.annotations.CreationTimestamp;

import io.dayuan.platform.Identified;

@Entity
@Description("Portions of a leftover offer claimed by a person")
public class LeftoverClaim extends Identified {

    @Id
    @NonNull
    @Description("The offer's id")
    public UUID offerId;

    @Ignore
    public UUID personId;

    public int portions;

    @NonNull
    @Description("Short code to show at the counter when picking up")
    public String pickupCode;

    @NonNull
    @CreationTimestamp
    public OffsetDateTime createdAt;
}
