package io.dayuan.notifications.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.notifications.QuietHoursSetting;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class QuietHoursRepository implements PanacheRepositoryBase<QuietHoursSetting, UUID> {

    public Uni<List<QuietHoursSetting>> ofPeople(Collection<UUID> personIds) {
        return list("personId in ?1", personIds);
    }
}
