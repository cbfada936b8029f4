package io.dayuan.rooms.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Id;

import io.dayuan.platform.ApiException;
import io.dayuan.platform.Ids;
import io.dayuan.rooms.Equipment;
import io.dayuan.rooms.Room;
import io.dayuan.rooms.repository.RoomRepository;
import io.dayuan.sites.repository.SiteRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RoomService {

    public record NewRoom(@NotNull @Id String siteId, @NotBlank @Size(max = 100) String name,
            @Min(1) @Max(2000) int capacity, List<Equipment> equipment, Boolean requiresApproval,
            @PositiveOrZero @Max(240) Integer cleanupMinutes) {
    }

    @Inject
    RoomRepository repository;

    @Inject
    SiteRepository sites;

    @WithTransaction
    public Uni<Room> create(NewRoom input) {
        Room room = new Room();
        room.siteId = Ids.parse("siteId", input.siteId());
        room.name = input.name().strip();
        room.capacity = input.capacity();
        room.equipment = input.equipment() == null ? List.of() : input.equipment().stream().distinct().toList();
        room.requiresApproval = Boolean.TRUE.equals(input.requiresApproval());
        room.cleanupMinutes = input.cleanupMinutes() == null ? 0 : input.cleanupMinutes();
        return sites.require(room.siteId)
                .chain(() -> repository.count("siteId = ?1 and name = ?2", room.siteId, room.name))
                .chain(clashes -> {
                    if (clashes > 0) {
                        throw ApiException.conflict("The site has a room named " + room.name + " already");
                    }
                    return repository.persist(room);
                });
    }
}
