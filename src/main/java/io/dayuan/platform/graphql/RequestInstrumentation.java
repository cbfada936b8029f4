package io.dayuan.platform.graphql;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;

/**
 * Gives every error of a GraphQL answer its contract code and logs one line per request: the operation, its
 * top-level fields, duration and outcome. Arguments and results are never logged: they carry personal data.
 */
final class RequestInstrumentation extends SimplePerformantInstrumentation {

    private static final Logger LOG = Logger.getLogger("io.dayuan.graphql.request");

    private static final class Request implements InstrumentationState {
        final long startedNanos = System.nanoTime();
        String operation = "?";
        String fields = "";
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Request();
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        OperationDefinition definition = parameters.getExecutionContext().getOperationDefinition();
        Request request = (Request) state;
        request.operation = definition.getOperation() + (definition.getName() == null ? "" : " " + definition.getName());
        request.fields = definition.getSelectionSet().getSelectionsOfType(Field.class).stream()
                .map(Field::getName).collect(Collectors.joining(","));
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        ExecutionInput input = parameters.getExecutionInput();
        RequestFields fields = new RequestFields(parameters.getSchema(), input.getQuery(), input.getOperationName(),
                input.getRawVariables().toMap());
        List<GraphQLError> errors = result.getErrors().stream()
                .filter(error -> !isConsequence(error, result.getErrors()))
                .map(error -> ErrorMapping.map(error, fields)).collect(Collectors.toList());
        log((Request) state, errors);
        return CompletableFuture.completedFuture(errors.isEmpty() ? result : result.transform(b -> b.errors(errors)));
    }

    /** A null in a non-null field that another error already explains says nothing new. */
    private static boolean isConsequence(GraphQLError error, List<GraphQLError> all) {
        return error.getErrorType() == ErrorType.NullValueInNonNullableField && all.size() > 1;
    }

    private static void log(Request request, List<GraphQLError> errors) {
        long millis = (System.nanoTime() - request.startedNanos) / 1_000_000;
        String outcome = errors.isEmpty() ? "ok"
                : errors.stream().map(e -> ((ApiError) e).code().name()).distinct().collect(Collectors.joining(","));
        LOG.infof("graphql operation=\"%s\" fields=%s durationMs=%d outcome=%s", request.operation, request.fields,
                millis, outcome);
    }
}
