package io.dayuan.rooms;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.dayuan.platform.Roles;
import io.dayuan.platform.graphql.SessionPerField;
import io.dayuan.rooms.service.RoomService.NewRoom;
import io.dayuan.rooms.service.RoomService;
import io.dayuan.sites.Site;
import io.dayuan.sites.repository.SiteRepository;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@SessionPerField
public class RoomApi {

    @Inject
    RoomService service;

    @Inject
    SiteRepository sites;

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Adds a meeting room to a site. Role: admin.")
    public Uni<@NonNull Room> createRoom(@Name("input") @NonNull @Valid NewRoom input) {
        return service.create(input);
    }

    @Description("The site the room belongs to")
    @NonNull
    public Uni<List<@NonNull Site>> site(@Source List<Room> rooms) {
        return sites.inOrderOf(rooms.stream().map(room -> room.siteId).toList());
    }
}
