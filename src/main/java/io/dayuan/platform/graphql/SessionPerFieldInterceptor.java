package io.dayuan.platform.graphql;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.hibernate.reactive.context.Context.Key;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;

/**
 * graphql-java fetches sibling fields concurrently, all on the request's Vert.x context, where Hibernate Reactive
 * Panache keeps its one session: two fields would share it and fail. This runs the field in a duplicate of the
 * request's context that carries the request's state (request scope, identity) but not its session.
 */
@SessionPerField
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
class SessionPerFieldInterceptor {

    @AroundInvoke
    Object isolate(InvocationContext invocation) throws Exception {
        Context current = Vertx.currentContext();
        if (!(current instanceof ContextInternal request) || !Uni.class.equals(invocation.getMethod().getReturnType())) {
            return invocation.proceed();
        }
        ContextInternal field = request.duplicate();
        request.localContextData().forEach((key, value) -> {
            if (!(key instanceof Key<?>)) {
                field.localContextData().put(key, value);
            }
        });
        VertxContextSafetyToggle.setContextSafe(field, true);
        return Uni.createFrom().<Object> emitter(emitter -> field.runOnContext(ignored -> {
            try {
                ((Uni<?>) invocation.proceed()).subscribe().with(emitter::complete, emitter::fail);
            } catch (Exception e) {
                emitter.fail(e);
            }
        }));
    }
}
