package io.dayuan.notifications;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.annotations.CreationTimestamp;

import io.dayuan.platform.Identified;

@Entity
@Description("A message in a person's in-app inbox, in the person's language")
public class Notification extends Identified {

    @Ignore
    public UUID personId;

    @NonNull
    public String kind;

    @NonNull
    public String title;

    @NonNull
    public String body;

    @Description("Where the app opens when the notification is tapped")
    public String link;

    @Ignore
    public String cause;

    @NonNull
    @Description("When it reached (or reaches) the inbox")
    public OffsetDateTime deliverAt;

    @Ignore
    public OffsetDateTime withdrawnAt;

    public OffsetDateTime readAt;

    @Ignore
    @CreationTimestamp
    public OffsetDateTime createdAt;
}
