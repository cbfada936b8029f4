package io.dayuan.canteen;

import static io.dayuan.GraphQL.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dayuan.Demo;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class CanteenApiTest extends CanteenTestBase {

    private static final String CREATE = "mutation($input: NewCanteenInput!) { createCanteen(input: $input) { id name site { id name } } }";

    @Test
    void adminAddsACanteenThatStaffFindAtTheSite() {
        String name = "夜宵食堂 " + UUID.randomUUID();
        JsonPath created = graphQL.call(graphQL.as("admin"), CREATE,
                Map.of("input", Map.of("siteId", Demo.DEMO_SITE, "name", name)));
        assertThat(created.getString("data.createCanteen.site.name")).isEqualTo("青山镇政府大院");
        assertThat(database.count("select count(*) from canteen where name = $1", name)).isEqualTo(1);

        JsonPath atSite = graphQL.call(graphQL.as("staff"), "query($s: ID) { canteens(siteId: $s) { name } }",
                Map.of("s", Demo.DEMO_SITE));
        assertThat(atSite.getList("data.canteens.name")).contains("机关食堂", "景区厨房", name);
        JsonPath everywhere = graphQL.call(graphQL.as("staff"), "{ canteens { name site { id } } }");
        assertThat(everywhere.getList("data.canteens.name")).contains(name);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        JsonPath blank = graphQL.call(graphQL.as("admin"), CREATE, Map.of("input", Map.of("siteId", Demo.DEMO_SITE, "name", " ")));
        assertThat(errorCode(blank)).isEqualTo("VALIDATION");
        assertThat(blank.getString("errors[0].extensions.field")).isEqualTo("name");
        assertThat(errorCode(graphQL.call(graphQL.as("admin"), CREATE,
                Map.of("input", Map.of("siteId", Demo.UNKNOWN, "name", "无处"))))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(graphQL.call(graphQL.as("admin"), CREATE,
                Map.of("input", Map.of("siteId", Demo.DEMO_SITE, "name", "机关食堂"))))).isEqualTo("CONFLICT");
    }

    @Test
    void onlyAdminsAddCanteensAndSignedInPeopleListThem() {
        Map<String, Object> input = Map.of("input", Map.of("siteId", Demo.DEMO_SITE, "name", "私厨"));
        assertThat(errorCode(graphQL.call(graphQL.as("canteen-manager"), CREATE, input))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), "{ canteens { id } }"))).isEqualTo("UNAUTHENTICATED");
    }
}
