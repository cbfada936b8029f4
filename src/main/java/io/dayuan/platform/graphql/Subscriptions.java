package io.dayuan.platform.graphql;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.platform.ApiException;
import io.dayuan.platform.ErrorCode;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Multi;

/**
 * Every subscription opens here: the caller's role is checked and the subscription counted against its connection
 * and its person before the feed starts.
 * <p>
 * A refusal must be thrown while the operation starts: graphql-transport-ws then answers an {@code error} message
 * with the contract code. (Quarkus's {@code @RolesAllowed} on a method returning Multi fails inside the Multi instead,
 * which SmallRye turns into no answer at all, so subscriptions carry no security annotation and call this.)
 * Counts are per replica: a person's subscriptions spread over replicas are capped on each.
 */
@ApplicationScoped
public class Subscriptions {

    @Inject
    GraphQLConfig config;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    CurrentVertxRequest requests;

    private final Map<Object, Integer> open = new ConcurrentHashMap<>();

    /**
     * The feed, for a signed-in caller holding one of the roles (any role when none is named); UNAUTHENTICATED,
     * FORBIDDEN, or RATE_LIMITED past the caps. The counts are released when the feed ends or is cancelled.
     */
    public <T> Multi<T> open(Supplier<Multi<T>> feed, String... roles) {
        SecurityIdentity identity = identityNow();
        if (identity == null || identity.isAnonymous()) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "Subscriptions need a valid token in connection_init",
                    null);
        }
        if (roles.length > 0 && Arrays.stream(roles).noneMatch(identity::hasRole)) {
            throw ApiException.forbidden("This subscription is for " + String.join(", ", roles));
        }
        Object connection = requests.getCurrent() == null ? identity : requests.getCurrent();
        String person = "person:" + identity.getPrincipal().getName();
        take(connection, config.subscriptions().perConnection(), "this connection");
        try {
            take(person, config.subscriptions().perPerson(), "you");
        } catch (ApiException refused) {
            release(connection);
            throw refused;
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (!released.getAndSet(true)) {
                release(connection);
                release(person);
            }
        };
        try {
            return feed.get().onTermination().invoke(release);
        } catch (RuntimeException failed) {
            release.run();
            throw failed;
        }
    }

    /** The identity the connection authenticated with; a subscription starts after connection_init settled it. */
    private SecurityIdentity identityNow() {
        return identities.getDeferredIdentity().subscribeAsCompletionStage().getNow(null);
    }

    private void take(Object key, int limit, String who) {
        boolean[] admitted = { false };
        open.compute(key, (ignored, count) -> {
            int now = count == null ? 0 : count;
            admitted[0] = now < limit;
            return admitted[0] ? now + 1 : count;
        });
        if (!admitted[0]) {
            throw ApiException.rateLimited("At most " + limit + " subscriptions are open at once for " + who
                    + "; complete one first");
        }
    }

    private void release(Object key) {
        open.computeIfPresent(key, (ignored, count) -> count > 1 ? count - 1 : null);
    }
}
