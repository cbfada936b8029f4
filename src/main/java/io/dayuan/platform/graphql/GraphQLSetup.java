package io.dayuan.platform.graphql;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.smallrye.graphql.execution.QueryCache;
import io.smallrye.graphql.spi.EventingService;

/**
 * SmallRye GraphQL lets an application replace the engine's instrumentation, not add to it: this rebuilds the
 * chain it would have made (depth and complexity limits, the parsed-query cache) and adds the error mapping, request
 * log and argument checks. It is a SmallRye eventing service (META-INF/services), always on and called once when the
 * engine is built: the CDI events ({@code quarkus.smallrye-graphql.events.enabled}) would also fire one event before
 * and after every field of every answer, which cost a fifth of the CPU of a large answer.
 */
public final class GraphQLSetup implements EventingService {

    @Override
    public String getConfigKey() {
        // no key: always enabled
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        Config config = ConfigProvider.getConfig();
        QueryCache queryCache = new QueryCache();
        List<Instrumentation> chain = new ArrayList<>();
        limit(config, "quarkus.smallrye-graphql.instrumentation-query-complexity")
                .ifPresent(limit -> chain.add(new MaxQueryComplexityInstrumentation(limit)));
        limit(config, "quarkus.smallrye-graphql.instrumentation-query-depth")
                .ifPresent(limit -> chain.add(new MaxQueryDepthInstrumentation(limit)));
        chain.add(queryCache);
        chain.add(new RequestInstrumentation());
        chain.add(new ArgumentCheck(Clock.systemUTC()));
        return builder.instrumentation(new ChainedInstrumentation(chain)).preparsedDocumentProvider(queryCache);
    }

    private static OptionalInt limit(Config config, String key) {
        return config.getOptionalValue(key, Integer.class).map(OptionalInt::of).orElseGet(OptionalInt::empty);
    }
}
