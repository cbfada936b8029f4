package io.dayuan.platform.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import org.jboss.logging.Logger;

import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.GraphQLError;
import graphql.execution.UnknownOperationException;
import graphql.language.SourceLocation;
import graphql.validation.ValidationError;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.ErrorCode;
import io.dayuan.platform.SqlState;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.graphql.validation.BeanValidationError;

/**
 * Turns every failure into one of the contract's error codes. Messages of unexpected failures say nothing about
 * internals: the client gets a reference that the server log carries beside the stack trace.
 */
final class ErrorMapping {

    private static final Logger LOG = Logger.getLogger(ErrorMapping.class);
    private static final Pattern INVALID_ARGUMENT = Pattern.compile("argument '([\\w.\\[\\]]+)' with value");
    private static final Pattern UNDEFINED_VARIABLE = Pattern.compile("Undefined variable '(\\w+)'");
    private static final Pattern MISSING_ARGUMENT = Pattern.compile("Missing field argument '(\\w+)'");
    private static final Pattern INVALID_VARIABLE = Pattern.compile("Variable '(\\w+)' has an invalid value");

    private ErrorMapping() {
    }

    /** The error with its contract code; {@code request} names the input field of a refused variable. */
    static ApiError map(GraphQLError error, RequestFields request) {
        if (error instanceof ApiError mapped) {
            return mapped;
        }
        if (error instanceof ExceptionWhileDataFetching fetching) {
            return fromException(fetching.getException(), fetching.getPath(), fetching.getLocations());
        }
        if (error instanceof BeanValidationError invalid) {
            return new ApiError(invalid.getMessage(), ErrorCode.VALIDATION, violatedField(invalid.getExtensions()),
                    invalid.getPath(), invalid.getLocations());
        }
        if (error instanceof UnknownOperationException) {
            return new ApiError("The query has no operation of that name (or names none of its operations)",
                    ErrorCode.VALIDATION, "operationName", error.getPath(), error.getLocations());
        }
        if (error instanceof ValidationError invalid) {
            return invalidDocument(invalid, request);
        }
        if (error.getErrorType() == ErrorType.ValidationError) {
            return invalidVariable(error, request);
        }
        if (error.getErrorType() == ErrorType.ExecutionAborted || error.getErrorType() == ErrorType.InvalidSyntax) {
            return new ApiError(error.getMessage(), ErrorCode.VALIDATION, "query", error.getPath(),
                    error.getLocations());
        }
        return internal(new IllegalStateException(error.getErrorType() + ": " + error.getMessage()), error.getPath(),
                error.getLocations());
    }

    /**
     * The document (or a variable) does not fit the schema. graphql-java names the argument; SmallRye's conversion errors also
     * echo the whole input value and Java class names, which must not go back to the client (nor into logs).
     * Anything else about the document is the fault of the {@code query}.
     */
    private static ApiError invalidDocument(ValidationError error, RequestFields request) {
        String message = error.getMessage();
        Matcher argument = INVALID_ARGUMENT.matcher(message);
        if (argument.find()) {
            // graphql-java reports a variable that does not fit as the whole argument it is passed to
            String field = request.faultyVariable().orElseGet(
                    () -> argument.group(1).replaceAll("\\[\\d+]", "").replaceFirst("^input\\.", ""));
            return new ApiError(field + " has a value of the wrong type", ErrorCode.VALIDATION, field, error.getPath(),
                    error.getLocations());
        }
        Matcher undefined = UNDEFINED_VARIABLE.matcher(message);
        Matcher missing = MISSING_ARGUMENT.matcher(message);
        String field = undefined.find() ? "variables." + undefined.group(1) : missing.find() ? missing.group(1) : "query";
        return new ApiError(message, ErrorCode.VALIDATION, field, error.getPath(), error.getLocations());
    }

    /** The variables do not fit the types the document declares for them: named by the input field at fault. */
    private static ApiError invalidVariable(GraphQLError error, RequestFields request) {
        String field = request.faultyVariable().orElseGet(() -> {
            Matcher variable = INVALID_VARIABLE.matcher(error.getMessage());
            return variable.find() ? "variables." + variable.group(1) : "variables";
        });
        return new ApiError(field + " is missing or not a valid value of its type", ErrorCode.VALIDATION, field,
                error.getPath(), error.getLocations());
    }

    static ApiError fromException(Throwable thrown, List<Object> path, List<SourceLocation> locations) {
        Throwable failure = unwrap(thrown);
        if (failure instanceof ApiException api) {
            return new ApiError(api.getMessage(), api.code(), api.field(), path, locations, api.details());
        }
        if (failure instanceof UnauthorizedException || failure instanceof AuthenticationException) {
            return new ApiError("A valid bearer token is required", ErrorCode.UNAUTHENTICATED, null, path, locations);
        }
        if (failure instanceof ForbiddenException) {
            return new ApiError("The caller's roles do not allow this operation", ErrorCode.FORBIDDEN, null, path,
                    locations);
        }
        if (failure instanceof ConstraintViolationException invalid) {
            ConstraintViolation<?> first = invalid.getConstraintViolations().iterator().next();
            String field = field(first.getPropertyPath());
            return new ApiError(field + " " + first.getMessage(), ErrorCode.VALIDATION, field, path, locations);
        }
        String sqlState = SqlState.of(failure);
        if (sqlState != null) {
            ApiError byState = fromSqlState(sqlState, path, locations);
            if (byState != null) {
                return byState;
            }
        }
        return internal(failure, path, locations);
    }

    private static ApiError fromSqlState(String sqlState, List<Object> path, List<SourceLocation> locations) {
        return switch (sqlState) {
            case SqlState.UNIQUE_VIOLATION, SqlState.EXCLUSION_VIOLATION -> new ApiError("The request clashes with existing data", ErrorCode.CONFLICT, null,
                    path, locations);
            case "23503" -> new ApiError("The request refers to something that does not exist", ErrorCode.NOT_FOUND,
                    null, path, locations);
            case "23514", "22001", "22003" -> new ApiError("A value is out of its allowed range",
                    ErrorCode.VALIDATION, null, path, locations);
            default -> null;
        };
    }

    private static ApiError internal(Throwable failure, List<Object> path, List<SourceLocation> locations) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(failure, "Unexpected failure at %s, reference %s", path, reference);
        return new ApiError("Internal error, reference " + reference, ErrorCode.INTERNAL, null, path, locations);
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable failure = thrown;
        while ((failure instanceof CompletionException || failure.getClass() == RuntimeException.class)
                && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    /** {@code createSite.input.timeZone} names the field {@code timeZone}: the method and the input wrapper go. */
    private static String field(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                names.add(String.valueOf(node.getIndex()));
            }
            if (node.getName() != null) {
                names.add(node.getName());
            }
        }
        return fieldOf(names);
    }

    @SuppressWarnings("unchecked")
    private static String violatedField(Map<String, Object> extensions) {
        List<Map<String, Object>> violations = (List<Map<String, Object>>) extensions.get("violations");
        if (violations == null || violations.isEmpty()) {
            return null;
        }
        return fieldOf(((List<Object>) violations.get(0).get("propertyPath")).stream().map(String::valueOf)
                .collect(Collectors.toList()));
    }

    private static String fieldOf(List<String> names) {
        List<String> rest = names.size() > 1 ? names.subList(1, names.size()) : names;
        if (rest.size() > 1 && rest.get(0).equals("input")) {
            rest = rest.subList(1, rest.size());
        }
        return String.join(".", rest);
    }
}
