package io.dayuan.visits.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.gates.Direction;
import io.dayuan.visits.AccessDevice;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The events devices reported, each kept once (device serial + event serial); the table has no entity. */
@ApplicationScoped
public class DeviceEventRepository {

    /** What a device reported, with the visit it concerns (null: none). */
    public record Seen(AccessDevice device, String eventSerial, Direction direction, String employeeNo, String plate,
            UUID visitId, OffsetDateTime at) {
    }

    /** Records the event unless it was recorded before; inside the caller's transaction. 1 if new, else 0. */
    public Uni<Integer> recordOnce(Seen seen, OffsetDateTime receivedAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO device_event (device_id, device_serial, event_serial, direction, employee_no,
                                          plate, visit_id, occurred_at, received_at)
                VALUES (:device, :serial, :event, :direction, :employee, :plate, :visit, :at, :received)
                ON CONFLICT (device_serial, event_serial) DO NOTHING""")
                .setParameter("device", seen.device().id).setParameter("serial", seen.device().serialNumber)
                .setParameter("event", seen.eventSerial()).setParameter("direction", seen.direction().name())
                .setParameter("employee", seen.employeeNo()).setParameter("plate", seen.plate())
                .setParameter("visit", seen.visitId()).setParameter("at", seen.at())
                .setParameter("received", receivedAt).executeUpdate());
    }
}
