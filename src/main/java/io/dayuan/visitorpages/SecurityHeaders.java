package io.dayuan.visitorpages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The visitor link token is the only key to a visit, so nothing under /v/ (nor its styles and script) may be
 * cached, leak in a Referer, be framed or run script from elsewhere. Set on every answer, errors included.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    void install(@Observes Router router) {
        router.route("/v/*").order(-100).handler(SecurityHeaders::add);
        router.route("/visitor-assets/*").order(-100).handler(SecurityHeaders::add);
    }

    private static void add(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> context.response().headers()
                .set("Cache-Control", "no-store")
                .set("Referrer-Policy", "no-referrer")
                .set("Content-Security-Policy", CSP)
                .set("X-Frame-Options", "DENY")
                .set("X-Content-Type-Options", "nosniff"));
        context.next();
    }
}
