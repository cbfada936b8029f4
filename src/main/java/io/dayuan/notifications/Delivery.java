package io.dayuan.notifications;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.dayuan.platform.Identified;

/** One notification on one channel: the outbox row the delivery worker sends. */
@Entity
@Table(name = "notification_delivery")
@Description("A notification on one channel, as the delivery worker sends it")
public class Delivery extends Identified {

    @Ignore
    public UUID notificationId;

    @Ignore
    public UUID personId;

    @NonNull
    @Enumerated(EnumType.STRING)
    public NotificationChannel channel;

    @NonNull
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;

    @NonNull
    @Description("When it is (or was) due to be sent")
    public OffsetDateTime dueAt;

    @NonNull
    @Description("Failed attempts so far")
    public int attempts;

    @Description("What went wrong the last time")
    public String lastError;

    @Ignore
    public UUID claimId;

    @Ignore
    public OffsetDateTime claimedUntil;

    @Ignore
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> deliveredTo;

    public OffsetDateTime sentAt;

    @NonNull
    @CreationTimestamp
    public OffsetDateTime createdAt;
}
