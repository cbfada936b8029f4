package io.dayuan.notifications.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.notifications.QuietHoursSetting;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class QuietHoursRepository implements PanacheRepositoryBase<QuietHoursSetting, UUID> {
}
