package io.dayuan.notifications;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.annotations.CreationTimestamp;

import io.dayuan.platform.Identified;

@Entity
@Description("A phone registered to receive push notifications")
public class Device extends Identified {

    @Ignore
    public UUID personId;

    @NonNull
    public String token;

    @NonNull
    @Enumerated(EnumType.STRING)
    public DevicePlatform platform;

    @NonNull
    @Enumerated(EnumType.STRING)
    @Description("The push service the token belongs to")
    public PushProvider provider;

    @NonNull
    @CreationTimestamp
    public OffsetDateTime registeredAt;
}
