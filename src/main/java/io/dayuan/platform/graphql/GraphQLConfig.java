package io.dayuan.platform.graphql;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the GraphQL endpoint beyond Quarkus's own (query depth and complexity). */
@ConfigMapping(prefix = "dayuan.graphql")
public interface GraphQLConfig {

    /** The largest GraphQL request body, counted as it arrives. */
    @WithDefault("65536")
    long maxRequestBytes();

    Subscriptions subscriptions();

    interface Subscriptions {

        /** Subscriptions open at once on one WebSocket. */
        @WithDefault("10")
        int perConnection();

        /** Subscriptions open at once per person over all their connections (on each replica). */
        @WithDefault("20")
        int perPerson();
    }
}
