package io.dayuan.notifications.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.notifications.Notification;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {
}
