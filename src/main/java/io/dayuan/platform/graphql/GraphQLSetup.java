package io.dayuan.platform.graphql;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.smallrye.graphql.execution.QueryCache;

/**
 * SmallRye GraphQL lets an application replace the engine's instrumentation, not add to it: this rebuilds the
 * chain it would have made (depth and complexity limits, the parsed-query cache) and adds the error mapping and
 * request log.
 */
@ApplicationScoped
class GraphQLSetup {

    @ConfigProperty(name = "quarkus.smallrye-graphql.instrumentation-query-depth")
    OptionalInt maxDepth;

    @ConfigProperty(name = "quarkus.smallrye-graphql.instrumentation-query-complexity")
    OptionalInt maxComplexity;

    void customize(@Observes GraphQL.Builder builder) {
        QueryCache queryCache = new QueryCache();
        List<Instrumentation> chain = new ArrayList<>();
        maxComplexity.ifPresent(limit -> chain.add(new MaxQueryComplexityInstrumentation(limit)));
        maxDepth.ifPresent(limit -> chain.add(new MaxQueryDepthInstrumentation(limit)));
        chain.add(queryCache);
        chain.add(new RequestInstrumentation());
        chain.add(new ArgumentCheck(Clock.systemUTC()));
        builder.instrumentation(new ChainedInstrumentation(chain)).preparsedDocumentProvider(queryCache);
    }
}
