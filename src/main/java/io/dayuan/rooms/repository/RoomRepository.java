package io.dayuan.rooms.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.rooms.Room;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class RoomRepository implements PanacheRepositoryBase<Room, UUID> {
}
