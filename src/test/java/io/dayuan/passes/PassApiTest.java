package io.dayuan.passes;

import static io.dayuan.GraphQL.errorCode;
import static io.dayuan.passes.PassFixtures.ISSUE;
import static io.dayuan.passes.PassFixtures.PASS_FIELDS;
import static io.dayuan.passes.PassFixtures.input;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.Demo;
import io.dayuan.GraphQL.As;
import io.dayuan.passes.code.PassCode;
import io.dayuan.passes.code.PassCodes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class PassApiTest extends PassTestBase {

    private static final String MY_PASS = "query($s: ID!) { myPass(siteId: $s) { %s } }".formatted(PASS_FIELDS);
    private static final String ISSUE_BATCH = """
            mutation($i: [NewPassInput!]!) { issuePasses(inputs: $i) { %s } }""".formatted(PASS_FIELDS);
    private static final String REVOKE = """
            mutation($id: ID!, $r: String) { revokePass(id: $id, reason: $r) { %s revokedReason } }""".formatted(PASS_FIELDS);
    private static final String REISSUE = "mutation($id: ID!) { reissuePass(id: $id) { %s } }".formatted(PASS_FIELDS);

    @Inject
    PassCodes codes;

    private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

    @Test
    void anAdminIssuesAVehiclePassWithAStaticSignedCode() throws Exception {
        String[] site = fixtures.site();
        String[] other = fixtures.site();
        JsonPath answer = graphQL.call(fixtures.admin(), ISSUE, Map.of("i", input("VEHICLE", "物业车辆", "京a 12345",
                List.of(site[0], other[0]), now, now.plusDays(30), false)));
        assertThat(answer.getList("errors")).isNull();
        assertThat(answer.getString("data.issuePass.kind")).isEqualTo("VEHICLE");
        assertThat(answer.getString("data.issuePass.plate")).isEqualTo("京A12345");
        assertThat(answer.getString("data.issuePass.status")).isEqualTo("ACTIVE");
        String id = answer.getString("data.issuePass.id");
        String code = answer.getString("data.issuePass.code");
        PassCode read = codes.verify(code);
        assertThat(read.passId()).isEqualTo(UUID.fromString(id));
        assertThat(read.coversSite(UUID.fromString(site[0]))).isTrue();
        assertThat(read.coversSite(UUID.fromString(other[0]))).isTrue();
        assertThat(read.validUntil().getEpochSecond()).isEqualTo(now.plusDays(30).toEpochSecond());
        assertThat(database.count("select count(*) from pass where id = $1 and kind = 'VEHICLE' and cardinality(site_ids) = 2",
                UUID.fromString(id))).isEqualTo(1);
        // printed passes are static: the same code every time
        JsonPath again = graphQL.call(fixtures.admin(), "query($s: ID!, $f: Int) { scans(siteId: $s, first: $f) { next } }",
                Map.of("s", site[0], "f", 1));
        assertThat(again.getList("errors")).isNull();
    }

    @Test
    void issuingNeedsAValidInput() {
        String[] site = fixtures.site();
        As admin = fixtures.admin();
        JsonPath noPlate = graphQL.call(admin, ISSUE, Map.of("i", input("VEHICLE", "车", null, List.of(site[0]), now,
                now.plusDays(1), false)));
        assertThat(errorCode(noPlate)).isEqualTo("VALIDATION");
        assertThat(noPlate.getString("errors[0].extensions.field")).isEqualTo("plate");

        JsonPath backwards = graphQL.call(admin, ISSUE, Map.of("i", input("PERSON", "人", null, List.of(site[0]), now,
                now.minusDays(1), false)));
        assertThat(errorCode(backwards)).isEqualTo("VALIDATION");
        assertThat(backwards.getString("errors[0].extensions.field")).isEqualTo("validUntil");

        JsonPath blank = graphQL.call(admin, ISSUE, Map.of("i", input("PERSON", " ", null, List.of(site[0]), now,
                now.plusDays(1), false)));
        assertThat(errorCode(blank)).isEqualTo("VALIDATION");
        assertThat(blank.getString("errors[0].extensions.field")).isEqualTo("holderName");

        JsonPath noSites = graphQL.call(admin, ISSUE, Map.of("i", input("PERSON", "人", null, List.of(), now,
                now.plusDays(1), false)));
        assertThat(errorCode(noSites)).isEqualTo("VALIDATION");
        assertThat(noSites.getString("errors[0].extensions.field")).isEqualTo("siteIds");

        JsonPath badSite = graphQL.call(admin, ISSUE, Map.of("i", input("PERSON", "人", null, List.of("north"), now,
                now.plusDays(1), false)));
        assertThat(errorCode(badSite)).isEqualTo("VALIDATION");
        assertThat(badSite.getString("errors[0].extensions.field")).isEqualTo("siteIds.0");

        JsonPath unknownSite = graphQL.call(admin, ISSUE, Map.of("i", input("PERSON", "人", null,
                List.of(Demo.UNKNOWN), now, now.plusDays(1), false)));
        assertThat(errorCode(unknownSite)).isEqualTo("NOT_FOUND");
    }

    @Test
    void onlyAdminsIssuePasses() {
        Map<String, Object> input = Map.of("i", input("PERSON", "人", null, List.of(Demo.DEMO_SITE), now,
                now.plusDays(1), false));
        assertThat(errorCode(graphQL.call(graphQL.as("guard"), ISSUE, input))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.as("staff"), ISSUE, input))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), ISSUE, input))).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aBatchIsIssuedWhole() {
        String[] site = fixtures.site();
        String tag = UUID.randomUUID().toString();
        List<Map<String, Object>> batch = List.of(
                input("PERSON", "检查点甲 " + tag, null, List.of(site[0]), now, now.plusDays(7), false),
                input("VEHICLE", "检查点车 " + tag, "沪B88888", List.of(site[0]), now, now.plusDays(7), false));
        JsonPath answer = graphQL.call(fixtures.admin(), ISSUE_BATCH, Map.of("i", batch));
        assertThat(answer.getList("errors")).isNull();
        assertThat(answer.getList("data.issuePasses.holderName")).containsExactly("检查点甲 " + tag, "检查点车 " + tag);
        assertThat(answer.getList("data.issuePasses.code")).doesNotContainNull();

        // one bad input: nothing is written, and the error names the input
        List<Map<String, Object>> bad = List.of(
                input("PERSON", "检查点乙 " + tag, null, List.of(site[0]), now, now.plusDays(7), false),
                input("VEHICLE", "检查点丙 " + tag, null, List.of(site[0]), now, now.plusDays(7), false));
        JsonPath refused = graphQL.call(fixtures.admin(), ISSUE_BATCH, Map.of("i", bad));
        assertThat(errorCode(refused)).isEqualTo("VALIDATION");
        assertThat(refused.getString("errors[0].extensions.field")).isEqualTo("inputs.1.plate");
        assertThat(database.count("select count(*) from pass where holder_name = $1", "检查点乙 " + tag)).isZero();

        List<Map<String, Object>> unknownSite = List.of(
                input("PERSON", "检查点丁 " + tag, null, List.of(site[0]), now, now.plusDays(7), false),
                input("PERSON", "检查点戊 " + tag, null, List.of(Demo.UNKNOWN), now, now.plusDays(7), false));
        assertThat(errorCode(graphQL.call(fixtures.admin(), ISSUE_BATCH, Map.of("i", unknownSite))))
                .isEqualTo("NOT_FOUND");
        assertThat(database.count("select count(*) from pass where holder_name = $1", "检查点丁 " + tag)).isZero();

        assertThat(errorCode(graphQL.call(fixtures.admin(), ISSUE_BATCH, Map.of("i", List.of()))))
                .isEqualTo("VALIDATION");
        assertThat(errorCode(graphQL.call(graphQL.as("guard"), ISSUE_BATCH, Map.of("i", batch))))
                .isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), ISSUE_BATCH, Map.of("i", batch))))
                .isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void staffGetTheirOwnPassWithAShortLivedCode() throws Exception {
        String subject = "pass-staff-" + UUID.randomUUID();
        As staff = graphQL.person(subject, "周敏", null, null, "staff");
        JsonPath first = graphQL.call(staff, MY_PASS, Map.of("s", Demo.DEMO_SITE));
        assertThat(first.getList("errors")).isNull();
        assertThat(first.getString("data.myPass.holderName")).isEqualTo("周敏");
        assertThat(first.getBoolean("data.myPass.personal")).isTrue();
        PassCode code = codes.verify(first.getString("data.myPass.code"));
        long lifetime = code.validUntil().getEpochSecond() - code.validFrom().getEpochSecond();
        assertThat(lifetime).isBetween(119L, 120L);
        assertThat(code.validFrom().getEpochSecond()).isCloseTo(java.time.Instant.now().getEpochSecond(),
                org.assertj.core.data.Offset.offset(5L));
        // the pass stays; the code is the part that expires
        JsonPath second = graphQL.call(staff, MY_PASS, Map.of("s", Demo.DEMO_SITE));
        assertThat(second.getString("data.myPass.id")).isEqualTo(first.getString("data.myPass.id"));
        assertThat(database.count("select count(*) from pass p join person x on x.id = p.person_id where x.subject = $1",
                subject)).isEqualTo(1);

        assertThat(errorCode(graphQL.call(staff, MY_PASS, Map.of("s", "south")))).isEqualTo("VALIDATION");
        assertThat(errorCode(graphQL.call(staff, MY_PASS, Map.of("s", Demo.UNKNOWN)))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(graphQL.call(graphQL.as("guard"), MY_PASS, Map.of("s", Demo.DEMO_SITE))))
                .isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), MY_PASS, Map.of("s", Demo.DEMO_SITE))))
                .isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aPassTellsTheWindowOfItsOwnCode() throws Exception {
        As staff = graphQL.person("pass-window-" + UUID.randomUUID(), "吴刚", null, null, "staff");
        JsonPath mine = graphQL.call(staff,
                "query($s: ID!) { myPass(siteId: $s) { code codeValidFrom codeValidUntil validUntil } }",
                Map.of("s", Demo.DEMO_SITE));
        assertThat(mine.getList("errors")).isNull();
        PassCode code = codes.verify(mine.getString("data.myPass.code"));
        assertThat(Instant.parse(mine.getString("data.myPass.codeValidFrom"))).isEqualTo(code.validFrom());
        assertThat(Instant.parse(mine.getString("data.myPass.codeValidUntil"))).isEqualTo(code.validUntil())
                .isEqualTo(code.validFrom().plusSeconds(120))
                .isBefore(Instant.parse(mine.getString("data.myPass.validUntil")));

        String[] site = fixtures.site();
        String fields = "id code codeValidFrom codeValidUntil";
        OffsetDateTime from = now.withNano(0).plusMinutes(5);
        JsonPath printed = graphQL.call(fixtures.admin(), "mutation($i: NewPassInput!) { issuePass(input: $i) { "
                + fields + " } }", Map.of("i", input("PERSON", "印", null, List.of(site[0]), from,
                        from.plusDays(3), false)));
        PassCode printedCode = codes.verify(printed.getString("data.issuePass.code"));
        assertThat(printedCode.validFrom()).isEqualTo(from.toInstant());
        assertThat(Instant.parse(printed.getString("data.issuePass.codeValidFrom"))).isEqualTo(from.toInstant());
        assertThat(Instant.parse(printed.getString("data.issuePass.codeValidUntil")))
                .isEqualTo(from.plusDays(3).toInstant()).isEqualTo(printedCode.validUntil());

        String id = printed.getString("data.issuePass.id");
        JsonPath revoked = graphQL.call(fixtures.admin(), "mutation($id: ID!) { revokePass(id: $id) { " + fields
                + " } }", Map.of("id", id));
        assertThat(revoked.getString("data.revokePass.code")).isNull();
        assertThat(revoked.getString("data.revokePass.codeValidFrom")).isNull();
        assertThat(revoked.getString("data.revokePass.codeValidUntil")).isNull();
    }

    @Test
    void revokingAPassRemovesItsCodeAndLogsARevocation() {
        String[] site = fixtures.site();
        String id = fixtures.issue(site[0], false).getString("data.issuePass.id");
        JsonPath revoked = graphQL.call(fixtures.admin(), REVOKE, Map.of("id", id, "r", "离职"));
        assertThat(revoked.getList("errors")).isNull();
        assertThat(revoked.getString("data.revokePass.status")).isEqualTo("REVOKED");
        assertThat(revoked.getString("data.revokePass.code")).isNull();
        assertThat(revoked.getString("data.revokePass.revokedReason")).isEqualTo("离职");
        assertThat(database.count("select count(*) from pass_revocation where pass_id = $1 and generation is null",
                UUID.fromString(id))).isEqualTo(1);
        // again: nothing changes
        assertThat(graphQL.call(fixtures.admin(), REVOKE, Map.of("id", id)).getString("data.revokePass.status"))
                .isEqualTo("REVOKED");
        assertThat(database.count("select count(*) from pass_revocation where pass_id = $1", UUID.fromString(id)))
                .isEqualTo(1);

        assertThat(errorCode(graphQL.call(fixtures.admin(), REVOKE, Map.of("id", Demo.UNKNOWN)))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(graphQL.call(fixtures.admin(), REVOKE, Map.of("id", "x")))).isEqualTo("VALIDATION");
        assertThat(errorCode(graphQL.call(graphQL.as("guard"), REVOKE, Map.of("id", id)))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), REVOKE, Map.of("id", id)))).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void reissuingGivesANewGeneration() throws Exception {
        String[] site = fixtures.site();
        JsonPath issued = fixtures.issue(site[0], false);
        String id = issued.getString("data.issuePass.id");
        JsonPath reissued = graphQL.call(fixtures.admin(), REISSUE, Map.of("id", id));
        assertThat(reissued.getList("errors")).isNull();
        String newCode = reissued.getString("data.reissuePass.code");
        assertThat(newCode).isNotEqualTo(issued.getString("data.issuePass.code"));
        assertThat(codes.verify(newCode).generation()).isEqualTo(2);
        assertThat(codes.verify(issued.getString("data.issuePass.code")).generation()).isEqualTo(1);

        graphQL.call(fixtures.admin(), REVOKE, Map.of("id", id));
        assertThat(errorCode(graphQL.call(fixtures.admin(), REISSUE, Map.of("id", id)))).isEqualTo("CONFLICT");
        assertThat(errorCode(graphQL.call(fixtures.admin(), REISSUE, Map.of("id", Demo.UNKNOWN)))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(graphQL.call(graphQL.as("staff"), REISSUE, Map.of("id", id)))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), REISSUE, Map.of("id", id)))).isEqualTo("UNAUTHENTICATED");
    }
}
