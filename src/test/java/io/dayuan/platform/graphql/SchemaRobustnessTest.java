package io.dayuan.platform.graphql;

import static io.restassured.RestAssured.given;
import static io.dayuan.platform.graphql.ServedSchema.document;
import static io.dayuan.platform.graphql.ServedSchema.idType;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.GraphQL;
import io.dayuan.GraphQL.As;
import io.dayuan.platform.graphql.EdgeValues.Edge;
import io.dayuan.platform.graphql.ServedSchema.InputValue;
import io.dayuan.platform.graphql.ServedSchema.Operation;
import io.dayuan.platform.graphql.ServedSchema.TypeRef;
import io.dayuan.visits.VisitFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * Every query and mutation of the served schema, called with a role it allows, gets edge values in place of each
 * of its arguments and input fields, one at a time (the others valid, with ids of real objects): empty, long,
 * control characters, lone surrogates, emoji; 0, negative, 2^31, 2^32+8, 2^53; malformed and unknown ids;
 * impossible, far and unparseable dates; empty, huge and null-holding lists; unknown enum values; explicit nulls.
 * Whatever the answer, it is one of the contract: no HTTP 5xx, every error with a contract code other than
 * INTERNAL, VALIDATION naming a field, no message naming a class, SQL or a stack frame. A new operation is covered
 * as soon as it is served.
 */
@QuarkusTest
class SchemaRobustnessTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Set<String> CODES = Set.of("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "VALIDATION",
            "CONFLICT", "RATE_LIMITED");
    private static final Pattern LEAK = Pattern.compile(
            "[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z][\\w$]*" // a qualified class name
                    + "|\\w+Exception\\b|\\bat [\\w$.]+\\(" // an exception or a stack frame
                    + "|\\b(SELECT|INSERT INTO|UPDATE|DELETE FROM|SQLSTATE)\\b|violates \\w+ constraint|relation \"");
    /** How many edge values of a scalar (besides null) each position gets. */
    private static final int SAMPLED = 2;
    @Inject
    GraphQL graphQL;

    private ServedSchema schema;
    private final Map<String, String> fixtureIds = new HashMap<>();
    private final Map<String, String> fixtureTexts = new HashMap<>();
    private final Map<List<String>, As> callers = new HashMap<>();
    private int turn;
    private int sent;

    @Test
    void everyOperationAnswersEdgeValuesInTheContractsShape() {
        schema = ServedSchema.of(call(graphQL.as("staff"), ServedSchema.INTROSPECTION, Map.of())
                .getJsonObject("__schema"));
        makeFixtures();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Operation operation : schema.operations()) {
            As caller = callers.computeIfAbsent(operation.roles(),
                    roles -> roles.isEmpty() ? graphQL.anonymous() : graphQL.as(roles.toArray(String[]::new)));
            Map<String, Object> baseline = baseline(operation);
            requests++;
            check(operation, "valid arguments", baseline, caller, failures);
            for (InputValue argument : operation.arguments()) {
                Object base = baseline.containsKey(argument.name()) ? baseline.get(argument.name())
                        : valid(argument.type(), argument.name(), operation);
                for (Edge edge : vary(argument.type(), base, argument.name(), operation)) {
                    Map<String, Object> arguments = new LinkedHashMap<>(baseline);
                    arguments.put(argument.name(), edge.value());
                    requests++;
                    check(operation, argument.name() + " " + edge.label(), arguments, caller, failures);
                }
            }
        }
        assertThat(schema.operations()).as("operations served").hasSizeGreaterThan(80);
        System.out.printf("SchemaRobustnessTest: %d operations, %d requests%n", schema.operations().size(), requests);
        assertThat(failures).as(requests + " requests; failures:\n" + String.join("\n", failures)).isEmpty();
    }

    // --- the requests ---------------------------------------------------------------------------------------

    /** Sends the arguments as variables and, every other time, written into the query as literals. */
    private void check(Operation operation, String what, Map<String, Object> arguments, As caller, List<String> failures) {
        boolean literal = sent++ % 2 == 1;
        Response response = literal ? send(caller, literalDocument(operation, arguments), Map.of())
                : send(caller, document(operation, arguments.keySet()), arguments);
        String body = response.asString();
        String at = operation.name() + " (" + what + (literal ? ", as literal" : "") + "): ";
        if (response.statusCode() >= 500) {
            failures.add(at + "HTTP " + response.statusCode() + " " + abbreviated(body));
        }
        JsonObject answer;
        try {
            answer = new JsonObject(body);
        } catch (DecodeException notJson) {
            failures.add(at + "not a JSON answer: " + abbreviated(body));
            return;
        }
        if (answer.getJsonArray("errors") == null) {
            return;
        }
        for (Object item : answer.getJsonArray("errors")) {
            String problem = problem((JsonObject) item);
            if (problem != null) {
                failures.add(at + problem);
            }
        }
    }

    /** What is wrong with one error of an answer, or null. */
    private static String problem(JsonObject error) {
        JsonObject extensions = error.getJsonObject("extensions", new JsonObject());
        String code = extensions.getString("code");
        String message = error.getString("message", "");
        if (code == null || !CODES.contains(code)) {
            return "code " + code + ": " + abbreviated(error.encode());
        }
        if (code.equals("VALIDATION") && extensions.getString("field") == null) {
            return "VALIDATION without a field: " + abbreviated(message);
        }
        if (LEAK.matcher(message).find()) {
            return "message names internals: " + abbreviated(message);
        }
        return null;
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** The operation with its arguments written as GraphQL literals of their declared types. */
    private String literalDocument(Operation operation, Map<String, Object> arguments) {
        Map<String, TypeRef> declared = operation.arguments().stream()
                .collect(Collectors.toMap(InputValue::name, InputValue::type));
        String passed = arguments.entrySet().stream()
                .map(argument -> argument.getKey() + ": " + literal(declared.get(argument.getKey()), argument.getValue()))
                .collect(Collectors.joining(", "));
        return document(operation, "", passed);
    }

    private String literal(TypeRef declared, Object value) {
        TypeRef type = declared == null ? null : declared.nullable();
        if (value instanceof List<?> items) {
            TypeRef item = type != null && type.kind().equals("LIST") ? type.ofType() : null;
            return items.stream().map(element -> literal(item, element)).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> fields) {
            Map<String, TypeRef> fieldTypes = type == null || !schema.inputObjects().containsKey(type.name()) ? Map.of()
                    : schema.inputObjects().get(type.name()).stream()
                            .collect(Collectors.toMap(InputValue::name, InputValue::type));
            return fields.entrySet().stream()
                    .map(field -> field.getKey() + ": " + literal(fieldTypes.get(field.getKey()), field.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (type != null && type.kind().equals("LIST")) {
            return literal(type.ofType(), value);
        }
        boolean enumName = type != null && type.kind().equals("ENUM") && value instanceof String name
                && name.matches("[_A-Za-z][_0-9A-Za-z]*");
        return enumName ? (String) value : AsciiJson.encode(value);
    }

    /** Sent as ASCII JSON, so that a lone surrogate travels as its escape. */
    private static Response send(As caller, String query, Map<String, Object> variables) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", query);
        request.put("variables", variables);
        var call = given().contentType(ContentType.JSON).header("X-Forwarded-For", VisitFixtures.address())
                .body(AsciiJson.encode(request));
        if (caller.token() != null) {
            call.header("Authorization", "Bearer " + caller.token());
        }
        return call.post("/graphql");
    }

    private JsonObject call(As caller, String query, Map<String, Object> variables) {
        JsonObject answer = new JsonObject(send(caller, query, variables).asString());
        assertThat(answer.getJsonArray("errors")).as(query + " " + answer.encodePrettily()).isNull();
        return answer.getJsonObject("data");
    }

    // --- the values -----------------------------------------------------------------------------------------

    /** The required arguments with valid values: ids of the fixtures, plausible text, dates near today. */
    private Map<String, Object> baseline(Operation operation) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (InputValue argument : operation.arguments()) {
            if (argument.type().nonNull()) {
                arguments.put(argument.name(), valid(argument.type(), argument.name(), operation));
            }
        }
        return arguments;
    }

    private Object valid(TypeRef declared, String name, Operation operation) {
        TypeRef type = declared.nullable();
        return switch (type.kind()) {
            case "LIST" -> List.of(valid(type.ofType(), name, operation));
            case "INPUT_OBJECT" -> {
                Map<String, Object> fields = new LinkedHashMap<>();
                for (InputValue field : schema.inputObjects().get(type.name())) {
                    if (field.type().nonNull()) {
                        fields.put(field.name(), valid(field.type(), field.name(), operation));
                    }
                }
                yield fields;
            }
            case "ENUM" -> schema.enums().get(type.name()).get(0);
            default -> validScalar(type.name(), name, operation);
        };
    }

    private Object validScalar(String scalar, String name, Operation operation) {
        OffsetDateTime tomorrow = LocalDate.now(SHANGHAI).plusDays(1).atTime(10, 0).atZone(SHANGHAI).toOffsetDateTime();
        return switch (scalar) {
            case "ID" -> fixtureIds.getOrDefault(idType(name, operation), UUID.randomUUID().toString());
            case "Int" -> 1;
            case "Boolean" -> false;
            case "Date" -> LocalDate.now(SHANGHAI).toString();
            case "DateTime" -> (name.endsWith("Until") || name.endsWith("To") || name.equals("to")
                    || name.equals("endsAt") ? tomorrow.plusHours(1) : tomorrow).toString();
            default -> fixtureTexts.getOrDefault(name, "测试 " + name);
        };
    }

    /** The edge values of a position and, inside lists and input objects, of each position within. */
    private List<Edge> vary(TypeRef declared, Object base, String name, Operation operation) {
        TypeRef type = declared.nullable();
        List<Edge> edges = new ArrayList<>();
        switch (type.kind()) {
            case "LIST" -> {
                Object item = valid(type.ofType(), name, operation);
                edges.addAll(EdgeValues.ofList(item, AsciiJson.encode(item).length()));
                for (Edge inner : vary(type.ofType(), item, name, operation)) {
                    if (inner.value() != null) {
                        edges.add(new Edge("[" + inner.label() + "]", List.of(inner.value())));
                    }
                }
            }
            case "INPUT_OBJECT" -> {
                edges.addAll(EdgeValues.ofInputObject());
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) base;
                for (InputValue field : schema.inputObjects().get(type.name())) {
                    Object fieldBase = fields.containsKey(field.name()) ? fields.get(field.name())
                            : valid(field.type(), field.name(), operation);
                    for (Edge inner : vary(field.type(), fieldBase, field.name(), operation)) {
                        Map<String, Object> copy = new LinkedHashMap<>(fields);
                        copy.put(field.name(), inner.value());
                        edges.add(new Edge("." + field.name() + " " + inner.label(), copy));
                    }
                }
            }
            case "ENUM" -> edges.addAll(EdgeValues.ofEnum(schema.enums().get(type.name())));
            default -> edges.addAll(sample(EdgeValues.ofScalar(type.name())));
        }
        return edges;
    }

    /**
     * An explicit null and a few of the type's other edge values, taking turns from one position to the next: every
     * value is sent many times over the schema while the test stays within its time.
     */
    private List<Edge> sample(List<Edge> edges) {
        List<Edge> sample = new ArrayList<>(edges.subList(edges.size() - 1, edges.size()));
        for (int i = 0; i < SAMPLED && i < edges.size() - 1; i++) {
            sample.add(edges.get(turn++ % (edges.size() - 1)));
        }
        return sample;
    }

    // --- the fixtures: real objects of a site of this test's own, so that mutations get past their first check

    private void makeFixtures() {
        As admin = graphQL.as("admin", "staff", "canteen-manager", "guard", "facilities");
        String site = created(admin, "createSite(input: {name: \"健壮性测试院区\"}) { id }", "Site");
        String canteen = created(admin, "createCanteen(input: {siteId: \"" + site + "\", name: \"测试食堂\"}) { id }",
                "Canteen");
        String room = created(admin, "createRoom(input: {siteId: \"" + site + "\", name: \"测试会议室\", capacity: 8, "
                + "requiresApproval: true}) { id }", "Room");
        created(admin, "createGate(input: {siteId: \"" + site + "\", name: \"南门\", kind: BOTH}) { id }", "Gate");
        String dish = created(admin, "createDish(input: {canteenId: \"" + canteen + "\", name: \"红烧肉\", "
                + "priceCents: 800}) { id }", "Dish");
        String today = LocalDate.now(SHANGHAI).toString();
        JsonObject menu = call(admin, "mutation { saveMenu(input: {canteenId: \"" + canteen + "\", date: \"" + today
                + "\", meal: LUNCH, items: [{dishId: \"" + dish + "\"}]}) { id items { id } } }", Map.of())
                .getJsonObject("saveMenu");
        fixtureIds.put("Menu", menu.getString("id"));
        fixtureIds.put("MenuItem", menu.getJsonArray("items").getJsonObject(0).getString("id"));
        OffsetDateTime soon = OffsetDateTime.now(SHANGHAI).plusHours(2).truncatedTo(ChronoUnit.SECONDS);
        created(admin, "offerLeftovers(input: {canteenId: \"" + canteen + "\", dishId: \"" + dish + "\", date: \""
                + today + "\", meal: LUNCH, portions: 5, priceCents: 0, availableUntil: \"" + soon + "\"}) { id }",
                "LeftoverOffer");
        OffsetDateTime start = LocalDate.now(SHANGHAI).plusDays(2).atTime(10, 0).atZone(SHANGHAI).toOffsetDateTime();
        created(admin, "bookRoom(input: {roomId: \"" + room + "\", title: \"例会\", startsAt: \"" + start
                + "\", endsAt: \"" + start.plusHours(1) + "\", services: [TEA_SERVICE]}) { id }", "Booking");
        String visitorPhone = VisitFixtures.mobile();
        JsonObject visit = call(admin, "mutation($i: InvitationInput!) { inviteVisitor(input: $i) { id visitorToken } }",
                Map.of("i", Map.of("siteId", site, "visitorName", "访客", "visitorPhone", visitorPhone,
                        "arriveFrom", soon.toString(), "arriveUntil", soon.plusHours(3).toString())))
                .getJsonObject("inviteVisitor");
        fixtureIds.put("Visit", visit.getString("id"));
        fixtureTexts.put("token", visit.getString("visitorToken"));
        JsonObject pass = call(admin, "mutation { issuePass(input: {kind: PERSON, holderName: \"持证人\", siteIds: [\""
                + site + "\"], validFrom: \"" + soon.minusHours(3) + "\", validUntil: \"" + soon.plusDays(30)
                + "\"}) { id code } }", Map.of()).getJsonObject("issuePass");
        fixtureIds.put("Pass", pass.getString("id"));
        fixtureTexts.put("code", pass.getString("code"));
        created(admin, "submitSuggestion(canteenId: \"" + canteen + "\", text: \"多些素菜\") { id }", "Suggestion");
        created(admin, "blockVisitor(input: {kind: PHONE, value: \"" + VisitFixtures.mobile() + "\"}) { id }",
                "BlocklistEntry");
        fixtureIds.put("Person", call(graphQL.as("staff"), "{ me { id } }", Map.of()).getJsonObject("me").getString("id"));
        List<Object> tasks = call(admin, "{ serviceTasks(siteId: \"" + site + "\", date: \"" + start.toLocalDate()
                + "\") { id } }", Map.of()).getJsonArray("serviceTasks").getList();
        if (!tasks.isEmpty()) {
            fixtureIds.put("ServiceTask", String.valueOf(((Map<?, ?>) tasks.get(0)).get("id")));
        }
        fixtureTexts.putAll(Map.of("visitorPhone", visitorPhone, "hostPhone", VisitFixtures.mobile(), "value",
                VisitFixtures.mobile(), "timeZone", "Asia/Shanghai", "kind", "BOOKING_REMINDER", "at", "10:00",
                "from", "22:00", "until", "07:00", "consentTextVersion", "face-consent-2026-12.zh", "baseUrl",
                "http://127.0.0.1:9/"));
    }

    /** Runs a mutation that creates an object and keeps its id as the fixture of its type. */
    private String created(As caller, String mutation, String type) {
        JsonObject data = call(caller, "mutation { " + mutation + " }", Map.of());
        String id = data.getJsonObject(data.fieldNames().iterator().next()).getString("id");
        fixtureIds.put(type, id);
        return id;
    }
}
