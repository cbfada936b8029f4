package io.dayuan.platform.graphql;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import graphql.GraphQLContext;
import graphql.execution.TypeFromAST;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;

/**
 * Names the input field at fault when graphql-java refuses a request's variables. It names only the variable
 * ({@code Variable 'input' has an invalid value}); this finds the value inside that does not coerce (a malformed
 * date, an unknown enum value, a missing required field, a null where none is allowed) and names it as every other
 * VALIDATION does: by the argument the variable is passed to and the input fields within, the {@code input} wrapper
 * left out ({@code saveMenu(input: $menu)} with a bad meal: {@code meal}). A variable passed to no argument is
 * named {@code variables.<name>}.
 */
final class RequestFields {

    private final GraphQLSchema schema;
    private final String query;
    private final String operationName;
    private final Map<String, Object> variables;

    RequestFields(GraphQLSchema schema, String query, String operationName, Map<String, Object> variables) {
        this.schema = schema;
        this.query = query;
        this.operationName = operationName;
        this.variables = variables;
    }

    /** The field of the first variable value that does not coerce to its declared type. */
    Optional<String> faultyVariable() {
        Optional<OperationDefinition> operation = operation();
        if (operation.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> uses = new HashMap<>();
        collectUses(operation.get().getSelectionSet(), uses);
        for (VariableDefinition definition : operation.get().getVariableDefinitions()) {
            GraphQLType type = TypeFromAST.getTypeFromAST(schema, definition.getType());
            String name = definition.getName();
            String at = uses.getOrDefault(name, "variables." + name);
            Optional<String> fault = type == null ? Optional.empty() : fault(type, variables.get(name), at);
            if (fault.isPresent()) {
                return fault.map(field -> field.isEmpty() ? "input" : field);
            }
        }
        return Optional.empty();
    }

    private Optional<OperationDefinition> operation() {
        try {
            Document document = Parser.parse(query);
            return document.getDefinitionsOfType(OperationDefinition.class).stream()
                    .filter(operation -> operationName == null || operationName.equals(operation.getName()))
                    .findFirst();
        } catch (InvalidSyntaxException e) {
            return Optional.empty();
        }
    }

    /** Where each variable is passed, as a field name: {@code createRoom(input: {capacity: $c})}: capacity. */
    private static void collectUses(SelectionSet selections, Map<String, String> uses) {
        if (selections == null) {
            return;
        }
        selections.getSelectionsOfType(Field.class).forEach(field -> {
            for (Argument argument : field.getArguments()) {
                collectUses(argument.getValue(), argument.getName().equals("input") ? "" : argument.getName(), uses);
            }
            collectUses(field.getSelectionSet(), uses);
        });
        selections.getSelectionsOfType(InlineFragment.class).forEach(fragment -> collectUses(fragment.getSelectionSet(),
                uses));
    }

    private static void collectUses(Value<?> value, String at, Map<String, String> uses) {
        if (value instanceof VariableReference reference) {
            uses.putIfAbsent(reference.getName(), at);
        } else if (value instanceof ArrayValue array) {
            array.getValues().forEach(item -> collectUses(item, at, uses));
        } else if (value instanceof ObjectValue object) {
            for (ObjectField field : object.getObjectFields()) {
                collectUses(field.getValue(), join(at, field.getName()), uses);
            }
        }
    }

    /** The field of the first part of the value that the type refuses. */
    private static Optional<String> fault(GraphQLType type, Object value, String at) {
        if (type instanceof GraphQLNonNull nonNull) {
            return value == null ? Optional.of(at) : fault(nonNull.getWrappedType(), value, at);
        }
        if (value == null) {
            return Optional.empty();
        }
        if (type instanceof GraphQLList list) {
            List<?> items = value instanceof List<?> many ? many : List.of(value);
            return items.stream().map(item -> fault(list.getWrappedType(), item, at)).flatMap(Optional::stream)
                    .findFirst();
        }
        if (type instanceof GraphQLInputObjectType object) {
            return value instanceof Map<?, ?> fields ? faultOfFields(object, fields, at) : Optional.of(at);
        }
        if (type instanceof GraphQLEnumType constants) {
            return value instanceof String name && constants.getValue(name) != null ? Optional.empty() : Optional.of(at);
        }
        if (type instanceof GraphQLScalarType scalar) {
            return coerces(scalar, value) ? Optional.empty() : Optional.of(at);
        }
        return Optional.empty();
    }

    /**
     * The built-in scalars as the GraphQL specification coerces variables, and dates as ISO-8601 (SmallRye's own
     * coercing takes a text for an Int or any text for a date, then fails on it later); others by their coercing.
     */
    private static boolean coerces(GraphQLScalarType scalar, Object value) {
        return switch (scalar.getName()) {
            case "Int", "Float" -> value instanceof Number;
            case "Boolean" -> value instanceof Boolean;
            case "String" -> value instanceof String;
            case "ID" -> value instanceof String || value instanceof Integer || value instanceof Long;
            case "Date" -> value instanceof String text && parses(() -> LocalDate.parse(text));
            case "DateTime" -> value instanceof String text && (parses(() -> OffsetDateTime.parse(text))
                    || parses(() -> LocalDateTime.parse(text)));
            default -> {
                try {
                    scalar.getCoercing().parseValue(value, GraphQLContext.getDefault(), Locale.getDefault());
                    yield true;
                } catch (RuntimeException refused) {
                    yield false;
                }
            }
        };
    }

    private static Optional<String> faultOfFields(GraphQLInputObjectType object, Map<?, ?> fields, String at) {
        for (Object name : fields.keySet()) {
            if (object.getField(String.valueOf(name)) == null) {
                return Optional.of(join(at, String.valueOf(name)));
            }
        }
        for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
            String name = join(at, field.getName());
            if (!fields.containsKey(field.getName())) {
                if (field.getType() instanceof GraphQLNonNull && !field.hasSetDefaultValue()) {
                    return Optional.of(name);
                }
                continue;
            }
            Optional<String> fault = fault(field.getType(), fields.get(field.getName()), name);
            if (fault.isPresent()) {
                return fault;
            }
        }
        return Optional.empty();
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeException notADate) {
            return false;
        }
    }

    private static String join(String at, String name) {
        return at.isEmpty() ? name : at + "." + name;
    }
}
