package io.dayuan.notifications.repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.notifications.Device;
import io.dayuan.notifications.DevicePlatform;
import io.dayuan.notifications.PushProvider;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Devices registered for push; the delivery worker's reads and writes go over the pool (it has no session). */
@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<Device, UUID> {

    @Inject
    Pool pool;

    @WithSession
    public Uni<Device> findByToken(String token) {
        return find("token", token).firstResult();
    }

    /** The person's devices in the order they were registered. */
    public Uni<List<Device>> ofPerson(UUID personId) {
        return list("personId = ?1 order by registeredAt", personId);
    }

    public Uni<List<Device>> ofPeople(Collection<UUID> personIds) {
        return list("personId in ?1", personIds);
    }

    /** Deletes the person's device of the token; how many went (0 or 1). */
    public Uni<Long> deleteOf(UUID personId, String token) {
        return delete("personId = ?1 and token = ?2", personId, token);
    }

    /** The devices of the people in the order they were registered, over the pool (not attached to a session). */
    public Uni<List<Device>> ofPeopleOutsideSession(List<UUID> personIds) {
        return pool.preparedQuery("SELECT person_id, token, platform, provider FROM device WHERE person_id = ANY($1) "
                + "ORDER BY registered_at").execute(Tuple.of(personIds.toArray(UUID[]::new))).map(rows -> {
                    List<Device> found = new ArrayList<>();
                    rows.forEach(row -> found.add(device(row)));
                    return found;
                });
    }

    /** Deletes the device of a token the push provider no longer knows, over the pool. */
    public Uni<Void> deleteTokenOutsideSession(String token) {
        return pool.preparedQuery("DELETE FROM device WHERE token = $1").execute(Tuple.of(token)).replaceWithVoid();
    }

    private static Device device(Row row) {
        Device device = new Device();
        device.personId = row.getUUID("person_id");
        device.token = row.getString("token");
        device.platform = DevicePlatform.valueOf(row.getString("platform"));
        device.provider = PushProvider.valueOf(row.getString("provider"));
        return device;
    }
}
