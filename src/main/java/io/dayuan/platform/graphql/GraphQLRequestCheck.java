package io.dayuan.platform.graphql;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.dayuan.platform.BoundedCache;

/**
 * What a GraphQL request body must be before SmallRye GraphQL sees it: one JSON object whose {@code query} is a
 * document that parses, {@code variables} and {@code extensions} objects, {@code operationName} a string (each may
 * be null or absent but the query), nested no deeper than a GraphQL input ever needs. SmallRye answers each of these
 * itself, without a contract code (or with HTTP 500 for variables that are not an object); checked here, the
 * answer is a {@code VALIDATION} error naming the member at fault.
 */
final class GraphQLRequestCheck {

    /** A problem of the request: the message and the member of the request at fault. */
    record Problem(String message, String field) {
    }

    /** Deeper than any input of the schema, far below the JSON parsers' own limits (1,000). */
    static final int MAX_DEPTH = 32;

    private static final JsonFactory JSON = new JsonFactory();
    /** SmallRye turns raw line breaks and tabs into spaces before parsing (queries from text blocks); so do we. */
    private static final Pattern NEWLINE_OR_TAB = Pattern.compile("[\\n\\t]");
    /**
     * Documents that parsed, so that the few queries apps send again and again are parsed once here (parsing cost
     * a small request as much as its execution). Only short ones: at most 1024 x 4 KB are kept.
     */
    private static final BoundedCache<String, Boolean> PARSED = new BoundedCache<>(1024);
    private static final int MAX_REMEMBERED_LENGTH = 4096;

    private GraphQLRequestCheck() {
    }

    /** The problem of a body sent as {@code application/json}, or empty when SmallRye may execute it. */
    static Optional<Problem> ofJson(String body) {
        if (body == null || body.isBlank()) {
            return problem("The request has no body: POST a JSON object with a query", "query");
        }
        String query;
        try (JsonParser parser = JSON.createParser(NEWLINE_OR_TAB.matcher(body).replaceAll(" "))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return problem("The request must be one JSON object (batches are not supported)", "body");
            }
            Members members = new Members();
            Optional<Problem> wrong = members.read(parser);
            if (wrong.isPresent()) {
                return wrong;
            }
            if (parser.nextToken() != null) {
                return problem("The request must be one JSON object", "body");
            }
            query = members.query;
        } catch (JsonProcessingException e) {
            return problem("The request is not valid JSON", "body");
        } catch (IOException e) {
            return problem("The request cannot be read", "body");
        }
        if (query == null || query.isBlank()) {
            return problem("The request has no query", "query");
        }
        return ofDocument(query);
    }

    /** The problem of a GraphQL document (the query member, or a body sent as {@code application/graphql}). */
    static Optional<Problem> ofDocument(String query) {
        if (query == null || query.isBlank()) {
            return problem("The request has no query", "query");
        }
        if (PARSED.get(query) != null) {
            return Optional.empty();
        }
        try {
            Parser.parse(query);
            if (query.length() <= MAX_REMEMBERED_LENGTH) {
                PARSED.put(query, Boolean.TRUE);
            }
            return Optional.empty();
        } catch (InvalidSyntaxException e) {
            SourceLocation at = e.getLocation();
            return problem(at == null ? "The query is not a GraphQL document"
                    : "The query is not a GraphQL document (line " + at.getLine() + ", column " + at.getColumn()
                            + ")", "query");
        }
    }

    private static Optional<Problem> problem(String message, String field) {
        return Optional.of(new Problem(message, field));
    }

    /** The top-level members, read as a stream so that no nesting is ever held deeper than {@link #MAX_DEPTH}. */
    private static final class Members {
        String query;

        Optional<Problem> read(JsonParser parser) throws IOException {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                Optional<Problem> wrong = switch (name) {
                    case "query" -> readQuery(parser, value);
                    case "operationName" -> expect(value, JsonToken.VALUE_STRING, "operationName", "a string");
                    case "variables", "extensions" -> expect(value, JsonToken.START_OBJECT, name, "an object");
                    default -> Optional.empty();
                };
                if (wrong.isPresent()) {
                    return wrong;
                }
                if (value.isStructStart() && !skipNested(parser)) {
                    return problem(name + " is nested deeper than " + MAX_DEPTH + " levels", name);
                }
            }
            return Optional.empty();
        }

        private Optional<Problem> readQuery(JsonParser parser, JsonToken value) throws IOException {
            if (value != JsonToken.VALUE_STRING) {
                return value == JsonToken.VALUE_NULL ? Optional.empty() : problem("query must be a string", "query");
            }
            query = parser.getText();
            return Optional.empty();
        }

        private static Optional<Problem> expect(JsonToken value, JsonToken wanted, String field, String what) {
            return value == wanted || value == JsonToken.VALUE_NULL ? Optional.empty()
                    : problem(field + " must be " + what + " or null", field);
        }

        /** Skips the value just opened (depth 2 in the request); false when it nests too deep. */
        private static boolean skipNested(JsonParser parser) throws IOException {
            int depth = 2;
            while (depth > 1) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    throw new IOException("The request ends inside a value");
                }
                if (token.isStructStart() && ++depth > MAX_DEPTH) {
                    return false;
                }
                if (token.isStructEnd()) {
                    depth--;
                }
            }
            return true;
        }
    }
}
