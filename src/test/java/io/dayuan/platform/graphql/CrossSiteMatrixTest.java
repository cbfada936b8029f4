package io.dayuan.platform.graphql;

import static io.dayuan.GraphQL.errorCode;
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

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.GraphQL;
import io.dayuan.GraphQL.As;
import io.dayuan.platform.graphql.ServedSchema.InputValue;
import io.dayuan.platform.graphql.ServedSchema.Operation;
import io.dayuan.platform.graphql.ServedSchema.TypeRef;
import io.dayuan.sites.TwoSites;
import io.dayuan.sites.TwoSites.Sites;
import io.dayuan.visits.VisitFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;

/**
 * Sites as tenants, for every operation of the served schema: each operation that names a site or an object of a
 * site (an id argument, at any depth of its input) is called, as each role it allows assigned to site A, with site
 * B's objects, and must answer FORBIDDEN or NOT_FOUND without data, or an empty list. A new operation is covered as
 * soon as it is served: one whose ids the matrix cannot classify, or that names no site and is not listed below as
 * having none, fails the test.
 */
@QuarkusTest
class CrossSiteMatrixTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<String> ROLES = List.of("staff", "guard", "canteen-manager", "facilities", "admin");

    /** What ids of these types name: an object of one site (a pass: of the sites it admits to). */
    private static final Set<String> SITE_BOUND = Set.of("Site", "Room", "Booking", "ServiceTask", "Canteen", "Dish",
            "Menu", "MenuItem", "Suggestion", "LeftoverOffer", "Gate", "Visit", "Pass");

    /** Ids of these types name nothing of a site. */
    private static final Map<String, String> NOT_SITE_BOUND = Map.of(
            "Person", "a person belongs to any number of sites; setPersonSites checks the sites it names",
            "Notification", "the caller's own inbox",
            "BlocklistEntry", "the blocklist holds for every site: only a global administrator keeps it",
            "Delivery", "a notification's delivery to a person (not filtered by site: README, Not covered yet)",
            "OfflineUpload", "an offline scan's id is made by the phone",
            "DingTalkUser", "a user id in the organisation's DingTalk, not an object of Dayuan");

    /** Operations that name no site, or whose site rule is not the caller's (each tested where it says). */
    private static final Map<String, String> NO_SITE = Map.ofEntries(
            Map.entry("me", "the caller"),
            Map.entry("sites", "sites are no secret"),
            Map.entry("createSite", "a global administrator's alone (CrossSitePassTest)"),
            Map.entry("visitBlocklist", "a global administrator's alone (CrossSiteVisitTest)"),
            Map.entry("blockVisitor", "a global administrator's alone (CrossSiteVisitTest)"),
            Map.entry("unblockVisitor", "a global administrator's alone (CrossSiteVisitTest)"),
            Map.entry("myBookings", "the caller's own"),
            Map.entry("myVisits", "the caller's own"),
            Map.entry("myMealRegistrations", "the caller's own"),
            Map.entry("cancelMealRegistration", "the caller's own registration, wherever (CrossSiteKitchenTest)"),
            Map.entry("myLeftoverClaims", "the caller's own"),
            Map.entry("myDevices", "the caller's own"),
            Map.entry("registerDevice", "the caller's own"),
            Map.entry("unregisterDevice", "the caller's own"),
            Map.entry("myNotifications", "the caller's own"),
            Map.entry("myNotificationSettings", "the caller's own"),
            Map.entry("unreadNotificationCount", "the caller's own"),
            Map.entry("markNotificationsRead", "the caller's own"),
            Map.entry("markAllNotificationsRead", "the caller's own"),
            Map.entry("setNotificationChannels", "the caller's own"),
            Map.entry("setQuietHours", "the caller's own"),
            Map.entry("createCalendarFeed", "the caller's own"),
            Map.entry("revokeCalendarFeed", "the caller's own"),
            Map.entry("setPersonDingTalkId", "a person's, of no site (README, Not covered yet)"),
            Map.entry("parkedDeliveries", "notifications to people, of no site (README, Not covered yet)"),
            Map.entry("retryDelivery", "notifications to people, of no site (README, Not covered yet)"),
            Map.entry("requestVisit", "a visitor has no token and no site; the host must belong (CrossSiteVisitTest)"),
            Map.entry("visitorVisit", "the visitor's link is the key"),
            Map.entry("cancelVisitAsVisitor", "the visitor's link is the key"),
            Map.entry("giveFaceConsent", "the visitor's link is the key"),
            Map.entry("withdrawFaceConsent", "the visitor's link is the key"));

    @Inject
    GraphQL graphQL;

    @Inject
    TwoSites twoSites;

    private ServedSchema schema;
    private final Map<String, String> siteB = new HashMap<>();
    private final Map<String, String> texts = new HashMap<>();

    @Test
    void noOperationAnswersACallerOfSiteAWithSiteBsData() {
        schema = ServedSchema.of(new JsonObject(call(graphQL.as("staff"), ServedSchema.INTROSPECTION).prettify())
                .getJsonObject("data").getJsonObject("__schema"));
        Sites sites = twoSites.create();
        makeSiteB(sites);
        Map<String, As> ofA = new HashMap<>();
        ROLES.forEach(role -> ofA.put(role, twoSites.member(List.of(sites.a()), role).as()));

        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Operation operation : schema.operations()) {
            List<String> unclassified = unclassifiedIds(operation);
            if (!unclassified.isEmpty()) {
                failures.add(operation.name() + ": ids the matrix cannot classify: " + unclassified);
                continue;
            }
            boolean bound = operation.arguments().stream().anyMatch(argument -> siteBound(argument, operation));
            if (NO_SITE.containsKey(operation.name())) {
                continue;
            }
            if (!bound) {
                failures.add(operation.name() + ": names no site and is not listed in NO_SITE");
                continue;
            }
            for (String role : roles(operation)) {
                calls++;
                String problem = refusal(operation, ofA.get(role), arguments(operation));
                if (problem != null) {
                    failures.add(operation.name() + " as " + role + " of site A: " + problem);
                }
            }
        }
        System.out.printf("CrossSiteMatrixTest: %d operations, %d calls%n", schema.operations().size(), calls);
        assertThat(calls).as("calls made").isGreaterThan(80);
        assertThat(failures).as("failures:\n" + String.join("\n", failures)).isEmpty();
    }

    /** Null when refused as it should be; else what was wrong. */
    private String refusal(Operation operation, As caller, Map<String, Object> arguments) {
        JsonPath answer = graphQL.call(caller, document(operation, arguments.keySet()), arguments);
        Object data = answer.get("data." + operation.name());
        if (answer.getList("errors") == null) {
            return data instanceof List<?> items && items.isEmpty() ? null : "answered " + answer.prettify();
        }
        String code = errorCode(answer);
        if (!"FORBIDDEN".equals(code) && !"NOT_FOUND".equals(code)) {
            return "refused with " + code + " (expected FORBIDDEN or NOT_FOUND): " + answer.prettify();
        }
        return data == null ? null : "refused but answered data: " + answer.prettify();
    }

    /** The roles the operation allows; every role for one open to any signed-in role. */
    private static List<String> roles(Operation operation) {
        return operation.description().contains("Any signed-in role") ? ROLES : operation.roles();
    }

    // --- classification -------------------------------------------------------------------------------------

    private static boolean isId(InputValue value) {
        String scalar = value.type().named().name();
        return (scalar.equals("ID") || scalar.equals("String")) && value.name().matches("ids?|\\w+Ids?");
    }

    private boolean siteBound(InputValue value, Operation operation) {
        if (isId(value)) {
            return SITE_BOUND.contains(idType(value.name(), operation));
        }
        List<InputValue> fields = schema.inputObjects().get(value.type().named().name());
        return fields != null && fields.stream().anyMatch(field -> siteBound(field, operation));
    }

    private List<String> unclassifiedIds(Operation operation) {
        List<String> unclassified = new ArrayList<>();
        collectUnclassified(operation.arguments(), operation, unclassified);
        return unclassified;
    }

    private void collectUnclassified(List<InputValue> values, Operation operation, List<String> unclassified) {
        for (InputValue value : values) {
            List<InputValue> fields = schema.inputObjects().get(value.type().named().name());
            if (fields != null) {
                collectUnclassified(fields, operation, unclassified);
            } else if (isId(value) && !SITE_BOUND.contains(idType(value.name(), operation))
                    && !NOT_SITE_BOUND.containsKey(idType(value.name(), operation))) {
                unclassified.add(value.name() + " (" + idType(value.name(), operation) + ")");
            }
        }
    }

    // --- the call ---------------------------------------------------------------------------------------------

    /** The required arguments, and every argument that names something of a site, with site B's objects. */
    private Map<String, Object> arguments(Operation operation) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (InputValue argument : operation.arguments()) {
            if (argument.type().nonNull() || siteBound(argument, operation)) {
                arguments.put(argument.name(), value(argument.type(), argument.name(), operation));
            }
        }
        return arguments;
    }

    private Object value(TypeRef declared, String name, Operation operation) {
        TypeRef type = declared.nullable();
        return switch (type.kind()) {
            case "LIST" -> List.of(value(type.ofType(), name, operation));
            case "INPUT_OBJECT" -> {
                Map<String, Object> fields = new LinkedHashMap<>();
                for (InputValue field : schema.inputObjects().get(type.name())) {
                    if (field.type().nonNull() || siteBound(field, operation)) {
                        fields.put(field.name(), value(field.type(), field.name(), operation));
                    }
                }
                yield fields;
            }
            case "ENUM" -> schema.enums().get(type.name()).get(0);
            default -> scalar(type.name(), name, operation);
        };
    }

    private Object scalar(String scalar, String name, Operation operation) {
        OffsetDateTime tomorrow = LocalDate.now(SHANGHAI).plusDays(1).atTime(10, 0).atZone(SHANGHAI).toOffsetDateTime();
        boolean id = (scalar.equals("ID") || scalar.equals("String")) && name.matches("ids?|\\w+Ids?");
        if (id && siteB.containsKey(idType(name, operation))) {
            return siteB.get(idType(name, operation));
        }
        return switch (scalar) {
            case "ID" -> UUID.randomUUID().toString();
            case "Int" -> 1;
            case "Boolean" -> false;
            case "Date" -> LocalDate.now(SHANGHAI).plusDays(1).toString();
            case "DateTime" -> (name.endsWith("Until") || name.endsWith("To") || name.equals("to")
                    || name.equals("endsAt") ? tomorrow.plusHours(1) : tomorrow).toString();
            default -> texts.getOrDefault(name, "测试 " + name);
        };
    }

    // --- site B's objects, made by a global administrator who holds every role --------------------------------

    private void makeSiteB(Sites sites) {
        As global = graphQL.as("admin", "staff", "canteen-manager", "guard", "facilities");
        siteB.put("Site", sites.b());
        siteB.put("Gate", sites.gateB());
        siteB.put("Person", twoSites.member(List.of(sites.b()), "staff").id());
        String canteen = created(global, "Canteen", "createCanteen(input: {siteId: \"" + sites.b()
                + "\", name: \"乙镇食堂\"}) { id }");
        String room = created(global, "Room", "createRoom(input: {siteId: \"" + sites.b() + "\", name: \"乙镇会议室\", "
                + "capacity: 8}) { id }");
        String dish = created(global, "Dish", "createDish(input: {canteenId: \"" + canteen + "\", name: \"红烧肉\", "
                + "priceCents: 800}) { id }");
        String today = LocalDate.now(SHANGHAI).toString();
        JsonPath menu = call(global, "mutation { saveMenu(input: {canteenId: \"" + canteen + "\", date: \"" + today
                + "\", meal: LUNCH, items: [{dishId: \"" + dish + "\"}]}) { id items { id } } }");
        siteB.put("Menu", menu.getString("data.saveMenu.id"));
        siteB.put("MenuItem", menu.getString("data.saveMenu.items[0].id"));
        OffsetDateTime soon = OffsetDateTime.now(SHANGHAI).plusHours(2).truncatedTo(ChronoUnit.SECONDS);
        created(global, "LeftoverOffer", "offerLeftovers(input: {canteenId: \"" + canteen + "\", dishId: \"" + dish
                + "\", date: \"" + today + "\", meal: LUNCH, portions: 5, priceCents: 0, availableUntil: \"" + soon
                + "\"}) { id }");
        OffsetDateTime start = LocalDate.now(SHANGHAI).plusDays(2).atTime(10, 0).atZone(SHANGHAI).toOffsetDateTime();
        created(global, "Booking", "bookRoom(input: {roomId: \"" + room + "\", title: \"例会\", startsAt: \"" + start
                + "\", endsAt: \"" + start.plusHours(1) + "\", services: [TEA_SERVICE]}) { id }");
        siteB.put("ServiceTask", call(global, "{ serviceTasks(siteId: \"" + sites.b() + "\", date: \""
                + start.toLocalDate() + "\") { id } }").getString("data.serviceTasks[0].id"));
        created(global, "Visit", "inviteVisitor(input: {siteId: \"" + sites.b() + "\", visitorName: \"访客\", "
                + "visitorPhone: \"" + VisitFixtures.mobile() + "\", arriveFrom: \"" + soon + "\", arriveUntil: \""
                + soon.plusHours(3) + "\"}) { id }");
        created(global, "Pass", "issuePass(input: {kind: PERSON, holderName: \"持证人\", siteIds: [\"" + sites.b()
                + "\"], validFrom: \"" + soon.minusHours(3) + "\", validUntil: \"" + soon.plusDays(30) + "\"}) { id }");
        created(global, "Suggestion", "submitSuggestion(canteenId: \"" + canteen + "\", text: \"多些素菜\") { id }");
        texts.putAll(Map.of("visitorPhone", VisitFixtures.mobile(), "hostPhone", VisitFixtures.mobile(), "at",
                "10:00", "baseUrl", "http://127.0.0.1:9/"));
    }

    private JsonPath call(As caller, String query) {
        JsonPath answer = graphQL.call(caller, query);
        assertThat(answer.getList("errors")).as(query + " " + answer.prettify()).isNull();
        return answer;
    }

    private String created(As caller, String type, String mutation) {
        JsonPath answer = call(caller, "mutation { " + mutation + " }");
        String field = mutation.substring(0, mutation.indexOf('('));
        siteB.put(type, answer.getString("data." + field + ".id"));
        return siteB.get(type);
    }
}
