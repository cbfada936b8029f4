package io.dayuan.platform.graphql;

import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Guards {@code /graphql} before the GraphQL engine sees a request: a body larger than GraphQL needs is refused
 * unread (the HTTP limit is sized for photo uploads), and a token that fails verification is answered as a GraphQL
 * error with code {@code UNAUTHENTICATED}, as the contract wants, rather than a bare 401.
 */
@ApplicationScoped
class GraphQLHttpFilter {

    /** After authentication (200) and authorization (100), before the GraphQL route resolves the identity. */
    private static final int PRIORITY = 50;

    @ConfigProperty(name = "dayuan.graphql.max-request-bytes")
    long maxRequestBytes;

    void install(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    private void filter(RoutingContext context) {
        if (!"/graphql".equals(context.normalizedPath())) {
            context.next();
            return;
        }
        if (contentLength(context) > maxRequestBytes) {
            context.response().setStatusCode(413).end();
            return;
        }
        context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER,
                (BiConsumer<RoutingContext, Throwable>) (failed, failure) -> unauthenticated(failed));
        context.next();
    }

    private static long contentLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? 0 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void unauthenticated(RoutingContext context) {
        JsonObject error = new JsonObject().put("message", "The bearer token is not valid")
                .put("extensions", new JsonObject().put("code", "UNAUTHENTICATED"));
        context.response().setStatusCode(401).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).putNull("data").encode());
    }
}
