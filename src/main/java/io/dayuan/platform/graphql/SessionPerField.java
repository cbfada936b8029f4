package io.dayuan.platform.graphql;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Put on every {@code @GraphQLApi}: each of its operations and batch resolvers runs in a Vert.x context of its
 * own, so that the Hibernate Reactive sessions of fields that graphql-java resolves side by side are never shared.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface SessionPerField {
}
