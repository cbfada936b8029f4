package io.dayuan.platform.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The schema as the service serves it (read by introspection): its queries and mutations with their arguments, the
 * input objects and enums they take, and the roles each operation's description states.
 */
record ServedSchema(List<Operation> operations, Map<String, List<InputValue>> inputObjects,
        Map<String, List<String>> enums) {

    static final String INTROSPECTION = """
            fragment Ref on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
            fragment Value on __InputValue { name type { ...Ref } }
            { __schema {
                queryType { name } mutationType { name }
                types { kind name enumValues { name } inputFields { ...Value }
                        fields { name description args { ...Value } type { ...Ref } } } } }""";

    private static final List<String> ROLES = List.of("staff", "guard", "canteen-manager", "facilities", "admin");
    private static final Pattern STATED_ROLES = Pattern.compile("Roles?: ([^.]+)\\.");
    /** The operations whose {@code id} is not of the type they return. */
    private static final Map<String, String> ID_TYPE_BY_OPERATION = Map.of("unblockVisitor", "BlocklistEntry",
            "markNotificationsRead", "Notification", "uploadOfflineScans", "OfflineUpload");

    /** A type as a reference: {@code NON_NULL}/{@code LIST} wrap {@code ofType}, the others are named. */
    record TypeRef(String kind, String name, TypeRef ofType) {

        static TypeRef of(JsonObject json) {
            return json == null ? null
                    : new TypeRef(json.getString("kind"), json.getString("name"), of(json.getJsonObject("ofType")));
        }

        boolean nonNull() {
            return kind.equals("NON_NULL");
        }

        /** Without its non-null wrapper. */
        TypeRef nullable() {
            return nonNull() ? ofType : this;
        }

        /** The named type at the bottom of the wrappers. */
        TypeRef named() {
            return ofType == null ? this : ofType.named();
        }

        /** As a variable declaration writes it, e.g. {@code [NewPassInput!]!}. */
        String declared() {
            return switch (kind) {
                case "NON_NULL" -> ofType.declared() + "!";
                case "LIST" -> "[" + ofType.declared() + "]";
                default -> name;
            };
        }
    }

    record InputValue(String name, TypeRef type) {

        static InputValue of(JsonObject json) {
            return new InputValue(json.getString("name"), TypeRef.of(json.getJsonObject("type")));
        }
    }

    /** A query or mutation; {@code roles} empty means it needs no token. */
    record Operation(String kind, String name, String description, List<InputValue> arguments, TypeRef type) {

        /** The roles the description states: "Role: admin.", "Roles: guard, admin.", "Any signed-in role". */
        List<String> roles() {
            if (description.contains("No token needed")) {
                return List.of();
            }
            if (description.contains("Any signed-in role") || description.contains("Any role")) {
                return List.of("staff");
            }
            Matcher stated = STATED_ROLES.matcher(description);
            List<String> roles = new ArrayList<>();
            while (stated.find()) {
                ROLES.stream().filter(role -> stated.group(1).matches(".*\\b" + role + "\\b.*")).forEach(roles::add);
            }
            if (roles.isEmpty()) {
                throw new IllegalStateException(name + ": its description states no roles: " + description);
            }
            return roles.stream().distinct().toList();
        }
    }

    static ServedSchema of(JsonObject schema) {
        String query = schema.getJsonObject("queryType").getString("name");
        String mutation = schema.getJsonObject("mutationType").getString("name");
        List<Operation> operations = new ArrayList<>();
        Map<String, List<InputValue>> inputObjects = new LinkedHashMap<>();
        Map<String, List<String>> enums = new LinkedHashMap<>();
        for (Object item : schema.getJsonArray("types")) {
            JsonObject type = (JsonObject) item;
            String name = type.getString("name");
            switch (type.getString("kind")) {
                case "INPUT_OBJECT" -> inputObjects.put(name, values(type.getJsonArray("inputFields")));
                case "ENUM" -> enums.put(name, type.getJsonArray("enumValues").stream()
                        .map(value -> ((JsonObject) value).getString("name")).toList());
                case "OBJECT" -> {
                    if (name.equals(query) || name.equals(mutation)) {
                        operations.addAll(operations(name.equals(query) ? "query" : "mutation",
                                type.getJsonArray("fields")));
                    }
                }
                default -> {
                }
            }
        }
        return new ServedSchema(operations, inputObjects, enums);
    }

    private static List<Operation> operations(String kind, JsonArray fields) {
        List<Operation> operations = new ArrayList<>();
        for (Object item : fields) {
            JsonObject field = (JsonObject) item;
            operations.add(new Operation(kind, field.getString("name"), field.getString("description", ""),
                    values(field.getJsonArray("args")), TypeRef.of(field.getJsonObject("type"))));
        }
        return operations;
    }

    private static List<InputValue> values(JsonArray json) {
        List<InputValue> values = new ArrayList<>();
        json.forEach(value -> values.add(InputValue.of((JsonObject) value)));
        return values;
    }

    /** The type of object an id names: {@code siteId} a Site, {@code id} what the operation returns. */
    static String idType(String name, Operation operation) {
        if (name.equals("id") || name.equals("ids")) {
            return ID_TYPE_BY_OPERATION.getOrDefault(operation.name(), operation.type().named().name());
        }
        String prefix = name.replaceAll("Ids?$", "");
        return prefix.equals("offer") ? "LeftoverOffer" : Character.toUpperCase(prefix.charAt(0)) + prefix.substring(1);
    }

    /** One operation with the given arguments as variables, selecting only {@code __typename} of an object. */
    static String document(Operation operation, Set<String> arguments) {
        Map<String, InputValue> declared = operation.arguments().stream()
                .collect(Collectors.toMap(InputValue::name, argument -> argument));
        String variables = arguments.stream().map(name -> "$" + name + ": " + declared.get(name).type().declared())
                .collect(Collectors.joining(", "));
        String passed = arguments.stream().map(name -> name + ": $" + name).collect(Collectors.joining(", "));
        return document(operation, arguments.isEmpty() ? "" : "(" + variables + ")", passed);
    }

    static String document(Operation operation, String variables, String passed) {
        String kind = operation.type().named().kind();
        boolean object = kind.equals("OBJECT") || kind.equals("INTERFACE") || kind.equals("UNION");
        return operation.kind() + variables + " { " + operation.name() + (passed.isEmpty() ? "" : "(" + passed + ")")
                + (object ? " { __typename }" : "") + " }";
    }
}
