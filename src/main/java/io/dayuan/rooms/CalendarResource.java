package io.dayuan.rooms;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.dayuan.rooms.service.CalendarService;
import io.smallrye.mutiny.Uni;

/** The private calendar feed: the secret in the URL is the only credential, as calendar apps need. */
@Path("/calendar")
@PermitAll
public class CalendarResource {

    @Inject
    CalendarService calendars;

    @GET
    @Path("/{token}.ics")
    public Uni<Response> feed(@PathParam("token") String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,100}")) {
            return Uni.createFrom().item(Response.status(Response.Status.NOT_FOUND).build());
        }
        return calendars.feed(token).map(text -> text == null ? Response.status(Response.Status.NOT_FOUND).build()
                : Response.ok(text, "text/calendar; charset=utf-8").header("Cache-Control", "private, max-age=300")
                        .build());
    }
}
