package io.dayuan.platform.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import io.dayuan.platform.ErrorCode;

/** A GraphQL error as the client receives it: a message and {@code extensions.code} (and {@code field}). */
record ApiError(String message, ErrorCode code, String field, List<Object> path, List<SourceLocation> locations,
        Map<String, Object> details) implements GraphQLError {

    ApiError(String message, ErrorCode code, String field, List<Object> path, List<SourceLocation> locations) {
        this(message, code, field, path, locations, Map.of());
    }

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return locations;
    }

    @Override
    public List<Object> getPath() {
        return path;
    }

    @Override
    public ErrorClassification getErrorType() {
        return ErrorClassification.errorClassification(code.name());
    }

    @Override
    public Map<String, Object> getExtensions() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.name());
        if (field != null) {
            extensions.put("field", field);
        }
        details.forEach(extensions::putIfAbsent);
        return extensions;
    }
}
