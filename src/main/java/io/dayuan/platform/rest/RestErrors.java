package io.dayuan.platform.rest;

import java.util.UUID;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.dayuan.platform.ApiException;
import io.dayuan.platform.ErrorCode;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The REST endpoints (photo upload, device events, QR images, calendar feeds) answer failures shaped like the
 * GraphQL ones, {@code {"errors":[{"message","extensions":{"code","field"}}]}}, with the matching HTTP status.
 */
public class RestErrors {

    private static final Logger LOG = Logger.getLogger(RestErrors.class);

    @ServerExceptionMapper
    Response failed(ApiException failure) {
        return response(status(failure.code()), failure);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    Response unauthenticated(RuntimeException failure) {
        return response(401, new ApiException(ErrorCode.UNAUTHENTICATED, "A valid bearer token is required", null));
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException failure) {
        return response(403, ApiException.forbidden("The caller's roles do not allow this"));
    }

    @ServerExceptionMapper
    Response unexpected(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException api) {
                return failed(api);
            }
        }
        if (failure instanceof AuthenticationException) {
            return unauthenticated(new UnauthorizedException());
        }
        if (failure instanceof WebApplicationException web) {
            return web.getResponse();
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(failure, "Unexpected failure, reference %s", reference);
        return response(500, new ApiException(ErrorCode.INTERNAL, "Internal error, reference " + reference, null));
    }

    /** The error as JSON with the given status, for an endpoint whose status says more than the code (e.g. 413). */
    public static Response response(int status, ApiException failure) {
        JsonObject extensions = new JsonObject().put("code", failure.code().name());
        if (failure.field() != null) {
            extensions.put("field", failure.field());
        }
        JsonObject body = new JsonObject().put("errors",
                new JsonArray().add(new JsonObject().put("message", failure.getMessage()).put("extensions", extensions)));
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body.encode()).build();
    }

    private static int status(ErrorCode code) {
        return switch (code) {
            case VALIDATION -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case RATE_LIMITED -> 429;
            case INTERNAL -> 500;
        };
    }
}
