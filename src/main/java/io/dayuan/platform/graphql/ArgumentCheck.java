package io.dayuan.platform.graphql;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.execution.ExecutionContext;
import graphql.execution.ValuesResolver;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLType;
import graphql.schema.InputValueWithState;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.InputLimits;

/**
 * Holds every argument of every field to {@link InputLimits} before its resolver runs, so no operation can forget a
 * check: text (length, control characters, lone surrogates), Int (32-bit, checked on the value the client sent
 * because SmallRye keeps only the low 32 bits of a larger one), Date and DateTime (within a few years of today),
 * and no null inside a list. An explicit {@code null} for an argument or input field with a default means the
 * default, as it does when the argument is left out.
 */
final class ArgumentCheck extends SimplePerformantInstrumentation {

    private final Clock clock;

    ArgumentCheck(Clock clock) {
        this.clock = clock;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
            InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        if (parameters.getField().getArguments().isEmpty()) {
            return dataFetcher;
        }
        ExecutionContext context = parameters.getExecutionContext();
        return environment -> {
            check(environment, context.getExecutionInput().getRawVariables().toMap());
            return dataFetcher.get(withDefaults(environment, context));
        };
    }

    private void check(DataFetchingEnvironment environment, Map<String, Object> variables) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (Argument argument : environment.getField().getArguments()) {
            GraphQLArgument definition = environment.getFieldDefinition().getArgument(argument.getName());
            if (definition != null) {
                Object raw = raw(argument.getValue(), variables);
                String field = argument.getName();
                checkValue(definition.getType(), raw, field, field.equals("input") ? "" : field + ".", today);
            }
        }
    }

    /** The value as the client wrote it, variables resolved: numbers keep every digit they were sent with. */
    private static Object raw(Value<?> value, Map<String, Object> variables) {
        if (value instanceof VariableReference reference) {
            return variables.get(reference.getName());
        }
        if (value instanceof IntValue number) {
            return number.getValue();
        }
        if (value instanceof FloatValue number) {
            return number.getValue();
        }
        if (value instanceof StringValue text) {
            return text.getValue();
        }
        if (value instanceof BooleanValue flag) {
            return flag.isValue();
        }
        if (value instanceof EnumValue constant) {
            return constant.getName();
        }
        if (value instanceof ArrayValue array) {
            List<Object> items = new ArrayList<>();
            array.getValues().forEach(item -> items.add(raw(item, variables)));
            return items;
        }
        if (value instanceof ObjectValue object) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (ObjectField objectField : object.getObjectFields()) {
                fields.put(objectField.getName(), raw(objectField.getValue(), variables));
            }
            return fields;
        }
        return null;
    }

    private void checkValue(GraphQLType type, Object raw, String field, String prefix, LocalDate today) {
        GraphQLType unwrapped = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
        if (raw == null) {
            return;
        }
        if (unwrapped instanceof GraphQLList list) {
            checkList(list.getWrappedType(), raw, field, prefix, today);
        } else if (unwrapped instanceof GraphQLInputObjectType object && raw instanceof Map<?, ?> fields) {
            for (GraphQLInputObjectField inputField : object.getFieldDefinitions()) {
                String name = prefix + inputField.getName();
                checkValue(inputField.getType(), fields.get(inputField.getName()), name, name + ".", today);
            }
        } else if (unwrapped instanceof GraphQLNamedType named) {
            checkScalar(named.getName(), raw, field, today);
        }
    }

    private void checkList(GraphQLType itemType, Object raw, String field, String prefix, LocalDate today) {
        if (!(raw instanceof List<?> items)) {
            // a single value where a list is declared stands for a list of one (GraphQL input coercion)
            checkValue(itemType, raw, field, prefix, today);
            return;
        }
        for (Object item : items) {
            if (item == null) {
                throw ApiException.validation(field, field + " must not contain null");
            }
            checkValue(itemType, item, field, prefix, today);
        }
    }

    private static void checkScalar(String scalar, Object raw, String field, LocalDate today) {
        switch (scalar) {
            case "String", "ID" -> {
                if (raw instanceof String text) {
                    InputLimits.checkText(field, text);
                }
            }
            case "Int" -> {
                if (raw instanceof Number number) {
                    InputLimits.checkInt(field, number);
                }
            }
            case "Date" -> {
                LocalDate date = parseDate(raw);
                if (date != null) {
                    InputLimits.checkDate(field, date, today);
                }
            }
            case "DateTime" -> {
                LocalDate date = parseDateTime(raw);
                if (date != null) {
                    InputLimits.checkDate(field, date, today);
                }
            }
            default -> {
                // enums and booleans are checked by GraphQL itself
            }
        }
    }

    /** A text that is no date at all is left to GraphQL's own coercion, which names the field. */
    private static LocalDate parseDate(Object raw) {
        try {
            return raw instanceof String text ? LocalDate.parse(text) : null;
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static LocalDate parseDateTime(Object raw) {
        try {
            return raw instanceof String text ? OffsetDateTime.parse(text).toLocalDate() : null;
        } catch (DateTimeParseException notADateTime) {
            return parseDate(raw);
        }
    }

    /** The environment with explicit nulls replaced by the declared defaults, at any depth of input objects. */
    private static DataFetchingEnvironment withDefaults(DataFetchingEnvironment environment, ExecutionContext context) {
        Map<String, Object> arguments = new LinkedHashMap<>(environment.getArguments());
        boolean changed = false;
        for (GraphQLArgument definition : environment.getFieldDefinition().getArguments()) {
            String name = definition.getName();
            if (!arguments.containsKey(name)) {
                continue;
            }
            Object value = arguments.get(name);
            Object defaulted = value == null && definition.hasSetDefaultValue()
                    ? defaultOf(definition.getArgumentDefaultValue(), definition.getType(), context)
                    : withDefaults(definition.getType(), value, context);
            if (defaulted != value) {
                arguments.put(name, defaulted);
                changed = true;
            }
        }
        return changed ? DataFetchingEnvironmentImpl.newDataFetchingEnvironment(environment).arguments(arguments).build()
                : environment;
    }

    @SuppressWarnings("unchecked")
    private static Object withDefaults(GraphQLType type, Object value, ExecutionContext context) {
        GraphQLType unwrapped = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
        if (value instanceof List<?> items && unwrapped instanceof GraphQLList list) {
            List<Object> copy = new ArrayList<>(items.size());
            boolean changed = false;
            for (Object item : items) {
                Object defaulted = withDefaults(list.getWrappedType(), item, context);
                changed |= defaulted != item;
                copy.add(defaulted);
            }
            return changed ? copy : value;
        }
        if (!(value instanceof Map<?, ?> map) || !(unwrapped instanceof GraphQLInputObjectType object)) {
            return value;
        }
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
        boolean changed = false;
        for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
            if (!copy.containsKey(field.getName())) {
                continue;
            }
            Object fieldValue = copy.get(field.getName());
            Object defaulted = fieldValue == null && field.hasSetDefaultValue()
                    ? defaultOf(field.getInputFieldDefaultValue(), field.getType(), context)
                    : withDefaults(field.getType(), fieldValue, context);
            if (defaulted != fieldValue) {
                copy.put(field.getName(), defaulted);
                changed = true;
            }
        }
        return changed ? copy : value;
    }

    private static Object defaultOf(InputValueWithState defaultValue, GraphQLInputType type, ExecutionContext context) {
        return ValuesResolver.valueToInternalValue(defaultValue, type, context.getGraphQLContext(), context.getLocale());
    }
}
