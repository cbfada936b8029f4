package io.dayuan.notifications.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.notifications.NotificationPreference;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PreferenceRepository implements PanacheRepositoryBase<NotificationPreference, NotificationPreference.Key> {

    /** The people's channel choices for one kind. */
    public Uni<List<NotificationPreference>> ofPeople(Collection<UUID> personIds, String kind) {
        return list("personId in ?1 and kind = ?2", personIds, kind);
    }

    /** The person's channel choices, by kind. */
    public Uni<List<NotificationPreference>> ofPerson(UUID personId) {
        return list("personId = ?1 order by kind", personId);
    }
}
