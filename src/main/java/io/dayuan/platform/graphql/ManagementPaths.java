package io.dayuan.platform.graphql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.dayuan.platform.ErrorCode;
import io.vertx.ext.web.Router;

/**
 * Health and metrics live on the management interface (its own port): on the public port their paths are answered
 * 404 in the contract's shape, like any other unknown resource of the API.
 */
@ApplicationScoped
class ManagementPaths {

    void install(@Observes Router publicRouter) {
        publicRouter.routeWithRegex("/q/(health|metrics)(/.*)?").handler(context -> HttpAnswer.error(context, 404,
                ErrorCode.NOT_FOUND, "There is no such resource", null));
    }
}
