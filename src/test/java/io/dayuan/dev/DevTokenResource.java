package io.dayuan.dev;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.dayuan.people.repository.PersonRepository;
import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.mutiny.Uni;

/**
 * {@code GET /dev/token?person=staff}: a bearer token for the demo person {@code demo-staff}, so a newcomer
 * can call the API in dev mode without an identity provider. Not part of the prod build.
 */
@Path("/dev/token")
@IfBuildProfile(anyOf = { "dev", "test" })
public class DevTokenResource {

    @Inject
    DevTokenIssuer issuer;

    @Inject
    PersonRepository people;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Uni<Response> token(@QueryParam("person") String person) {
        if (!issuer.isAvailable()) {
            return Uni.createFrom().item(Response.status(Response.Status.NOT_FOUND)
                    .entity("An identity provider is configured: get a token from it\n").build());
        }
        String subject = "demo-" + (person == null ? "staff" : person);
        return people.findBySubject(subject).map(found -> found == null
                ? Response.status(Response.Status.NOT_FOUND).entity("No demo person " + subject + "\n").build()
                : Response.ok(issuer.issue(found.subject, found.name, found.phone, found.roleNames, found.locale))
                        .build());
    }
}
