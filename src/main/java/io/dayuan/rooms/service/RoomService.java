package io.dayuan.rooms.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

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
            @PositiveOrZero @Max(240) Integer cleanupMinutes, @Min(1) @Max(730) Integer horizonDays,
            @Min(15) @Max(1440) Integer maxBookingMinutes, @Min(0) @Max(120) Integer checkInBeforeMinutes,
            @Min(1) @Max(120) Integer checkInAfterMinutes) {
    }

    /** A room's new settings; what is left out stays as it is. Existing bookings keep their times. */
    public record RoomChange(@NotNull @Id String id, @Size(min = 1, max = 100) String name,
            @Min(1) @Max(2000) Integer capacity, List<Equipment> equipment, Boolean requiresApproval,
            @PositiveOrZero @Max(240) Integer cleanupMinutes, @Min(1) @Max(730) Integer horizonDays,
            @Min(15) @Max(1440) Integer maxBookingMinutes, @Min(0) @Max(120) Integer checkInBeforeMinutes,
            @Min(1) @Max(120) Integer checkInAfterMinutes) {
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
        room.horizonDays = input.horizonDays() == null ? 90 : input.horizonDays();
        room.maxBookingMinutes = input.maxBookingMinutes() == null ? 720 : input.maxBookingMinutes();
        room.checkInBeforeMinutes = input.checkInBeforeMinutes() == null ? 10 : input.checkInBeforeMinutes();
        room.checkInAfterMinutes = input.checkInAfterMinutes() == null ? 15 : input.checkInAfterMinutes();
        room.doorCode = newDoorCode();
        return sites.require(room.siteId)
                .chain(() -> repository.named(room.siteId, room.name, null))
                .chain(clashes -> {
                    if (clashes > 0) {
                        throw ApiException.conflict("The site has a room named " + room.name + " already");
                    }
                    return repository.persist(room);
                });
    }

    @WithTransaction
    public Uni<Room> update(RoomChange change) {
        UUID id = Ids.parse("id", change.id());
        String name = change.name() == null ? null : change.name().strip();
        if (name != null && name.isEmpty()) {
            throw ApiException.validation("name", "name must not be blank");
        }
        return repository.require(id).chain(room -> {
            Uni<Long> clashes = name == null || name.equals(room.name) ? Uni.createFrom().item(0L)
                    : repository.named(room.siteId, name, room.id);
            return clashes.map(count -> {
                if (count > 0) {
                    throw ApiException.conflict("The site has a room named " + name + " already");
                }
                if (name != null) {
                    room.name = name;
                }
                if (change.capacity() != null) {
                    room.capacity = change.capacity();
                }
                if (change.equipment() != null) {
                    room.equipment = change.equipment().stream().distinct().toList();
                }
                if (change.requiresApproval() != null) {
                    room.requiresApproval = change.requiresApproval();
                }
                if (change.cleanupMinutes() != null) {
                    room.cleanupMinutes = change.cleanupMinutes();
                }
                if (change.horizonDays() != null) {
                    room.horizonDays = change.horizonDays();
                }
                if (change.maxBookingMinutes() != null) {
                    room.maxBookingMinutes = change.maxBookingMinutes();
                }
                if (change.checkInBeforeMinutes() != null) {
                    room.checkInBeforeMinutes = change.checkInBeforeMinutes();
                }
                if (change.checkInAfterMinutes() != null) {
                    room.checkInAfterMinutes = change.checkInAfterMinutes();
                }
                return room;
            });
        });
    }

    /** Rooms matching the filters; with a span, only those free for all of it, cleanup included. */
    public Uni<List<Room>> search(String siteId, Integer minCapacity, List<Equipment> equipment,
            OffsetDateTime freeFrom, OffsetDateTime freeTo) {
        UUID site = Ids.parse("siteId", siteId);
        if (minCapacity != null && minCapacity < 0) {
            throw ApiException.validation("minCapacity", "minCapacity must not be negative");
        }
        if ((freeFrom == null) != (freeTo == null)) {
            throw ApiException.validation(freeFrom == null ? "freeFrom" : "freeTo",
                    "freeFrom and freeTo go together");
        }
        if (freeFrom != null && !freeTo.isAfter(freeFrom)) {
            throw ApiException.validation("freeTo", "freeTo must be after freeFrom");
        }
        return repository.search(site, minCapacity == null ? 0 : minCapacity, equipment, freeFrom, freeTo);
    }

    /** The text of the QR code on the room's door. */
    public Uni<String> doorCode(String roomId) {
        return repository.require(Ids.parse("roomId", roomId)).map(room -> room.doorCode);
    }

    @WithTransaction
    public Uni<String> rotateDoorCode(String roomId) {
        return repository.require(Ids.parse("roomId", roomId)).map(room -> {
            room.doorCode = newDoorCode();
            return room.doorCode;
        });
    }

    static String newDoorCode() {
        return "dayuan-room:" + Tokens.random(18);
    }
}
