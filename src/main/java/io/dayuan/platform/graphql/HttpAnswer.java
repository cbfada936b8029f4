package io.dayuan.platform.graphql;

import io.dayuan.platform.ErrorCode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * An answer of {@code /graphql} written before (or instead of) the GraphQL engine, in the contract's shape:
 * {@code {"errors":[{"message","extensions":{"code","field"}}],"data":null}}.
 */
final class HttpAnswer {

    private HttpAnswer() {
    }

    /** Writes the error unless something has answered already (one answer per request, never two). */
    static void error(RoutingContext context, int status, ErrorCode code, String message, String field) {
        if (context.response().ended() || context.response().headWritten()) {
            return;
        }
        JsonObject extensions = new JsonObject().put("code", code.name());
        if (field != null) {
            extensions.put("field", field);
        }
        JsonObject error = new JsonObject().put("message", message).put("extensions", extensions);
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).putNull("data").encode());
    }
}
