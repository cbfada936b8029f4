package io.dayuan.visits.rest;

import java.util.UUID;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.dayuan.platform.ApiException;
import io.dayuan.platform.ErrorCode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** REST errors shaped like the GraphQL ones: {@code {"errors":[{"message","extensions":{"code","field"}}]}}. */
final class RestErrors {

    private static final Logger LOG = Logger.getLogger(RestErrors.class);

    private RestErrors() {
    }

    static ApiException api(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ApiException api) {
                return api;
            }
        }
        return null;
    }

    static Response of(Throwable thrown) {
        Throwable failure = thrown;
        while (!(failure instanceof ApiException) && failure.getCause() != null && failure.getCause() != failure) {
            failure = failure.getCause();
        }
        if (failure instanceof ApiException api) {
            int status = switch (api.code()) {
                case VALIDATION -> api.getMessage() != null && api.getMessage().contains("larger than") ? 413 : 400;
                case UNAUTHENTICATED -> 401;
                case FORBIDDEN -> 403;
                case NOT_FOUND -> 404;
                case CONFLICT -> 409;
                case RATE_LIMITED -> 429;
                case INTERNAL -> 500;
            };
            return response(status, api.getMessage(), api.code(), api.field());
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(thrown, "Unexpected failure, reference %s", reference);
        return response(500, "Internal error, reference " + reference, ErrorCode.INTERNAL, null);
    }

    static Response response(int status, String message, ErrorCode code, String field) {
        JsonObject extensions = new JsonObject().put("code", code.name());
        if (field != null) {
            extensions.put("field", field);
        }
        JsonObject body = new JsonObject().put("errors",
                new JsonArray().add(new JsonObject().put("message", message).put("extensions", extensions)));
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body.encode()).build();
    }
}
