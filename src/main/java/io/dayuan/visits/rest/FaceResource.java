package io.dayuan.visits.rest;

import java.io.IOException;
import java.io.InputStream;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.dayuan.platform.ApiException;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Ids;
import io.dayuan.platform.rest.RestErrors;
import io.dayuan.visits.service.Faces;
import io.dayuan.visits.service.VisitService;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Blocking;

/**
 * The visitor enrols a face photo with their link token: {@code PUT /visits/{id}/face}, header
 * {@code X-Visitor-Token}, body the JPEG or PNG itself (at most 2 MB and 4096 x 4096 pixels). 204 when stored; errors
 * as JSON shaped like the GraphQL ones (400/413 VALIDATION, 401, 403 FORBIDDEN without consent, 404, 409).
 */
@Path("/visits/{id}/face")
@PermitAll
public class FaceResource {

    @Inject
    VisitService visits;

    @PUT
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response enrol(@PathParam("id") String id, @HeaderParam("X-Visitor-Token") String token,
            InputStream body) throws Throwable {
        var visitId = Ids.parse("id", id);
        byte[] image = readAtMost(body, Faces.MAX_BYTES + 1);
        if (image.length > Faces.MAX_BYTES) {
            return RestErrors.response(413, ApiException.validation("face", "the photo is larger than 2 MB"));
        }
        VertxContextSupport.subscribeAndAwait(() -> visits.enrolFace(visitId, token, image));
        return Response.noContent().build();
    }

    private static byte[] readAtMost(InputStream body, int limit) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        return body.readNBytes(limit);
    }
}
