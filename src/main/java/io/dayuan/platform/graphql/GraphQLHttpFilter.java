package io.dayuan.platform.graphql;

import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.dayuan.platform.ErrorCode;
import io.dayuan.platform.QuarkusSettings;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Guards {@code /graphql} before the GraphQL engine sees a request, so that every answer is in the contract's shape
 * and the engine only runs for a request it can execute:
 * <ul>
 * <li>the body is read here, its bytes counted as they arrive (with or without a Content-Length): past
 * {@code dayuan.graphql.max-request-bytes} the answer is HTTP 413 (the HTTP limit is sized for photo uploads);</li>
 * <li>its shape and document are checked ({@link GraphQLRequestCheck}): a malformed request is HTTP 400
 * {@code VALIDATION} naming the member at fault;</li>
 * <li>a bearer token is verified before execution: a token that fails is HTTP 401 {@code UNAUTHENTICATED}, and the
 * engine never runs for it (otherwise both the 401 and the engine's answer would be written to one response);</li>
 * <li>methods other than POST (and the WebSocket upgrade of subscriptions) and any failure of the route answer in
 * the same shape.</li>
 * </ul>
 */
@ApplicationScoped
class GraphQLHttpFilter {

    private static final Logger LOG = Logger.getLogger(GraphQLHttpFilter.class);

    /** After authentication (200) and authorization (100), before the GraphQL route resolves the identity. */
    private static final int READ_BODY = 50;
    private static final int CHECK_REQUEST = 49;
    private static final String PATH = "/graphql";
    private static final String SCHEMA_PATH = PATH + "/schema.graphql";

    @Inject
    GraphQLConfig config;

    @Inject
    QuarkusSettings quarkus;

    private long maxRequestBytes;
    private boolean schemaAvailable;
    private BodyHandler body;

    void install(@Observes Filters filters) {
        maxRequestBytes = config.maxRequestBytes();
        schemaAvailable = quarkus.smallRyeGraphQL().schemaAvailable();
        body = BodyHandler.create(false).setBodyLimit(maxRequestBytes);
        filters.register(this::readBody, READ_BODY);
        filters.register(this::checkRequest, CHECK_REQUEST);
    }

    /** Failures of the GraphQL route (a body past the limit among them) answer in the contract's shape. */
    void installFailureAnswer(@Observes Router router) {
        router.route(PATH).failureHandler(this::failed);
    }

    private void readBody(RoutingContext context) {
        String path = context.normalizedPath();
        if (SCHEMA_PATH.equals(path) && !schemaAvailable) {
            HttpAnswer.error(context, 404, ErrorCode.NOT_FOUND, "There is no such resource", null);
            return;
        }
        if (!PATH.equals(path) || isWebSocketUpgrade(context) || context.request().method() == HttpMethod.OPTIONS) {
            context.next();
            return;
        }
        if (context.request().method() != HttpMethod.POST) {
            context.response().putHeader(HttpHeaders.ALLOW, "POST, OPTIONS");
            HttpAnswer.error(context, 405, ErrorCode.VALIDATION, "GraphQL requests are sent with POST", "method");
            return;
        }
        context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER,
                (BiConsumer<RoutingContext, Throwable>) (failed, failure) -> unauthenticated(failed));
        body.handle(context);
    }

    private void checkRequest(RoutingContext context) {
        if (!PATH.equals(context.normalizedPath()) || context.request().method() != HttpMethod.POST
                || isWebSocketUpgrade(context)) {
            context.next();
            return;
        }
        Optional<GraphQLRequestCheck.Problem> problem = problem(context);
        if (problem.isPresent()) {
            HttpAnswer.error(context, 400, ErrorCode.VALIDATION, problem.get().message(), problem.get().field());
            return;
        }
        authenticateThenGoOn(context);
    }

    /** SmallRye reads an {@code application/graphql} body as the document itself, anything else as JSON. */
    private static Optional<GraphQLRequestCheck.Problem> problem(RoutingContext context) {
        String contentType = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String text = context.body() == null ? null : context.body().asString();
        return contentType != null && contentType.startsWith("application/graphql")
                ? GraphQLRequestCheck.ofDocument(text)
                : GraphQLRequestCheck.ofJson(text);
    }

    /** A request with a token is executed only once the token is verified (the identity is kept for the engine). */
    private static void authenticateThenGoOn(RoutingContext context) {
        Uni<SecurityIdentity> identity = context.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        if (identity == null || context.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
            context.next();
            return;
        }
        identity.subscribe().with(verified -> context.next(), failure -> unauthenticated(context));
    }

    private void failed(RoutingContext context) {
        int status = context.statusCode();
        if (status == 413) {
            HttpAnswer.error(context, 413, ErrorCode.VALIDATION,
                    "The request is larger than " + maxRequestBytes + " bytes", "body");
        } else if (status == 401) {
            unauthenticated(context);
        } else if (status == 403) {
            HttpAnswer.error(context, 403, ErrorCode.FORBIDDEN, "The caller's roles do not allow this", null);
        } else {
            String reference = UUID.randomUUID().toString();
            LOG.errorf(context.failure(), "Unexpected failure of %s (HTTP %d), reference %s", PATH, status, reference);
            HttpAnswer.error(context, 500, ErrorCode.INTERNAL, "Internal error, reference " + reference, null);
        }
    }

    private static boolean isWebSocketUpgrade(RoutingContext context) {
        String upgrade = context.request().getHeader(HttpHeaders.UPGRADE);
        return upgrade != null && upgrade.equalsIgnoreCase("websocket");
    }

    private static void unauthenticated(RoutingContext context) {
        HttpAnswer.error(context, 401, ErrorCode.UNAUTHENTICATED, "The bearer token is not valid", null);
    }
}
