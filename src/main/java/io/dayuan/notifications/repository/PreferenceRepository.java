package io.dayuan.notifications.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.notifications.NotificationPreference;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PreferenceRepository implements PanacheRepositoryBase<NotificationPreference, NotificationPreference.Key> {
}
