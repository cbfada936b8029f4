package io.dayuan.passes;

import static io.dayuan.GraphQL.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.Demo;
import io.dayuan.GraphQL.As;
import io.dayuan.gates.GateEvent;
import io.dayuan.gates.GateEventKind;
import io.dayuan.gates.service.GateEvents;
import io.dayuan.passes.code.PassCodec;
import io.dayuan.passes.code.PassCodes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;

@QuarkusTest
class OfflineScanTest extends PassTestBase {

    private static final String KIT = """
            query($s: ID!, $v: Int) {
              passVerificationKit(siteId: $s, sinceVersion: $v) {
                keys { kid algorithm publicKey } gates { id name } revokedPassIds reissuedPasses { passId generation }
                revocationVersion complete siteTag clockToleranceSeconds serverTime
              }
            }""";
    private static final String UPLOAD = """
            mutation($s: [OfflineScanInput!]!) {
              uploadOfflineScans(scans: $s) { received recorded duplicates flaggedScanIds }
            }""";

    @Inject
    PassCodes codes;

    @Inject
    GateEvents gateEvents;

    private static Map<String, Object> offline(String id, String code, String gate, String direction,
            OffsetDateTime at, String decision) {
        Map<String, Object> scan = new HashMap<>();
        scan.put("id", id);
        scan.put("code", code);
        scan.put("gateId", gate);
        scan.put("direction", direction);
        scan.put("scannedAt", at.toString());
        scan.put("decision", decision);
        return scan;
    }

    @Test
    void theKitGivesKeysGatesAndRevocationsAllOrSinceAVersion() throws Exception {
        String[] site = fixtures.site();
        As guard = graphQL.as("guard");
        String revoked = fixtures.issue(site[0], false).getString("data.issuePass.id");
        String reissued = fixtures.issue(site[0], false).getString("data.issuePass.id");
        fixtures.issue(site[0], false);
        graphQL.call(fixtures.admin(), "mutation($id: ID!) { revokePass(id: $id) { id } }", Map.of("id", revoked));
        graphQL.call(fixtures.admin(), "mutation($id: ID!) { reissuePass(id: $id) { id } }", Map.of("id", reissued));

        JsonPath full = graphQL.call(guard, KIT, Map.of("s", site[0]));
        assertThat(full.getList("errors")).isNull();
        assertThat(full.getString("data.passVerificationKit.keys[0].kid")).isEqualTo(codes.keys().signingKid());
        assertThat(full.getString("data.passVerificationKit.keys[0].algorithm")).isEqualTo("Ed25519");
        // the key verifies the service's codes
        String publicKey = full.getString("data.passVerificationKit.keys[0].publicKey");
        String code = fixtures.issue(site[0], false).getString("data.issuePass.code");
        assertThat(PassCodec.verify(PassCodec.decode(code),
                PassCodec.publicKey(java.util.Base64.getDecoder().decode(publicKey)))).isTrue();
        assertThat(full.getList("data.passVerificationKit.gates.id")).containsExactlyInAnyOrder(site[1], site[2]);
        assertThat(full.getList("data.passVerificationKit.revokedPassIds")).containsExactly(revoked);
        assertThat(full.getList("data.passVerificationKit.reissuedPasses.passId")).containsExactly(reissued);
        assertThat(full.getList("data.passVerificationKit.reissuedPasses.generation")).containsExactly(2);
        assertThat(full.getBoolean("data.passVerificationKit.complete")).isTrue();
        assertThat(full.getInt("data.passVerificationKit.clockToleranceSeconds")).isEqualTo(60);
        assertThat(full.getString("data.passVerificationKit.siteTag")).hasSize(16);
        int version = full.getInt("data.passVerificationKit.revocationVersion");
        assertThat(version).isPositive();

        // nothing new since that version
        JsonPath none = graphQL.call(guard, KIT, Map.of("s", site[0], "v", version));
        assertThat(none.getList("data.passVerificationKit.revokedPassIds")).isEmpty();
        assertThat(none.getBoolean("data.passVerificationKit.complete")).isFalse();

        // one more revocation: the delta has it alone, and the version moved on
        String later = fixtures.issue(site[0], false).getString("data.issuePass.id");
        graphQL.call(fixtures.admin(), "mutation($id: ID!) { revokePass(id: $id) { id } }", Map.of("id", later));
        JsonPath delta = graphQL.call(guard, KIT, Map.of("s", site[0], "v", version));
        assertThat(delta.getList("data.passVerificationKit.revokedPassIds")).containsExactly(later);
        assertThat(delta.getList("data.passVerificationKit.reissuedPasses")).isEmpty();
        assertThat(delta.getInt("data.passVerificationKit.revocationVersion")).isGreaterThan(version);

        // another site's revocations are not in this site's kit
        String[] other = fixtures.site();
        assertThat(graphQL.call(guard, KIT, Map.of("s", other[0])).getList("data.passVerificationKit.revokedPassIds"))
                .isEmpty();
    }

    @Test
    void aVersionAheadOfTheServersGetsTheFullLists() {
        String[] site = fixtures.site();
        String revoked = fixtures.issue(site[0], false).getString("data.issuePass.id");
        graphQL.call(fixtures.admin(), "mutation($id: ID!) { revokePass(id: $id) { id } }", Map.of("id", revoked));
        As guard = graphQL.as("guard");
        int current = graphQL.call(guard, KIT, Map.of("s", site[0])).getInt("data.passVerificationKit.revocationVersion");
        // a phone that synced before the database was restored from an older backup
        JsonPath ahead = graphQL.call(guard, KIT, Map.of("s", site[0], "v", current + 1000));
        assertThat(ahead.getBoolean("data.passVerificationKit.complete")).as(ahead.prettify()).isTrue();
        assertThat(ahead.getList("data.passVerificationKit.revokedPassIds")).containsExactly(revoked);
        assertThat(ahead.getInt("data.passVerificationKit.revocationVersion")).isEqualTo(current);
    }

    @Test
    void theKitIsForGuardsAndAdmins() {
        assertThat(graphQL.call(fixtures.admin(), KIT, Map.of("s", Demo.DEMO_SITE)).getList("errors")).isNull();
        JsonPath negative = graphQL.call(graphQL.as("guard"), KIT, Map.of("s", Demo.DEMO_SITE, "v", -1));
        assertThat(errorCode(negative)).isEqualTo("VALIDATION");
        assertThat(negative.getString("errors[0].extensions.field")).isEqualTo("sinceVersion");
        JsonPath badSite = graphQL.call(graphQL.as("guard"), KIT, Map.of("s", "main"));
        assertThat(errorCode(badSite)).isEqualTo("VALIDATION");
        assertThat(badSite.getString("errors[0].extensions.field")).isEqualTo("siteId");
        assertThat(errorCode(graphQL.call(graphQL.as("guard"), KIT, Map.of("s", Demo.UNKNOWN)))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(graphQL.call(graphQL.as("staff"), KIT, Map.of("s", Demo.DEMO_SITE)))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), KIT, Map.of("s", Demo.DEMO_SITE))))
                .isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void uploadingTheSameScansTwiceChangesNothing() {
        String[] site = fixtures.site();
        As guard = graphQL.as("guard");
        JsonPath issued = fixtures.issue(site[0], false);
        String passId = issued.getString("data.issuePass.id");
        String code = issued.getString("data.issuePass.code");
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10);
        String in = UUID.randomUUID().toString();
        String denied = UUID.randomUUID().toString();
        List<Map<String, Object>> scans = List.of(offline(in, code, site[1], "IN", at, "ALLOW"),
                offline(denied, "garbage", site[1], "IN", at.plusMinutes(1), "DENY"));

        JsonPath first = graphQL.call(guard, UPLOAD, Map.of("s", scans));
        assertThat(first.getList("errors")).isNull();
        assertThat(first.getInt("data.uploadOfflineScans.recorded")).isEqualTo(2);
        assertThat(first.getInt("data.uploadOfflineScans.duplicates")).isZero();
        JsonPath again = graphQL.call(guard, UPLOAD, Map.of("s", scans));
        assertThat(again.getInt("data.uploadOfflineScans.recorded")).isZero();
        assertThat(again.getInt("data.uploadOfflineScans.duplicates")).isEqualTo(2);

        assertThat(database.count("select count(*) from pass_scan where id = $1 and pass_id = $2 and source = 'OFFLINE' "
                + "and decision = 'ALLOW' and reason = 'OK'", UUID.fromString(in), UUID.fromString(passId))).isEqualTo(1);
        assertThat(database.count("select count(*) from pass_scan where id = $1 and pass_id is null and reason = 'INVALID'",
                UUID.fromString(denied))).isEqualTo(1);
        // one passage, at the time of the scan
        assertThat(database.rows("select passed_at from gate_passage where pass_id = $1", UUID.fromString(passId)))
                .hasSize(1).first().satisfies(row -> assertThat(row.getOffsetDateTime(0).toEpochSecond())
                        .isEqualTo(at.toEpochSecond()));
    }

    @Test
    void anAdmitOncePassAdmittedTwiceOfflineIsFlagged() {
        String[] site = fixtures.site();
        JsonPath issued = fixtures.issue(site[0], true);
        String passId = issued.getString("data.issuePass.id");
        String code = issued.getString("data.issuePass.code");
        String watcher = "flag-admin-" + UUID.randomUUID();
        graphQL.call(graphQL.person(watcher, "值班管理员", null, null, "admin"), "{ me { id } }");
        AssertSubscriber<GateEvent> feed = gateEvents.of(UUID.fromString(site[0])).subscribe()
                .withSubscriber(AssertSubscriber.create(20));
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(30);
        String north = UUID.randomUUID().toString();
        String west = UUID.randomUUID().toString();

        JsonPath first = graphQL.call(graphQL.as("guard"), UPLOAD,
                Map.of("s", List.of(offline(north, code, site[1], "IN", at, "ALLOW"))));
        assertThat(first.getList("data.uploadOfflineScans.flaggedScanIds")).isEmpty();
        JsonPath second = graphQL.call(graphQL.as("guard"), UPLOAD,
                Map.of("s", List.of(offline(west, code, site[2], "IN", at.plusMinutes(2), "ALLOW"))));
        assertThat(second.getList("errors")).isNull();
        assertThat(second.getList("data.uploadOfflineScans.flaggedScanIds")).containsExactlyInAnyOrder(north, west);
        assertThat(database.count("select count(*) from pass_scan where pass_id = $1 and flagged",
                UUID.fromString(passId))).isEqualTo(2);
        assertThat(database.count("select count(*) from notification n join person p on p.id = n.person_id "
                + "where p.subject = $1 and n.kind = 'PASS_ADMITTED_TWICE'", watcher)).isEqualTo(1);

        feed.awaitItems(3, Duration.ofSeconds(10));
        assertThat(feed.getItems()).anySatisfy(event -> {
            assertThat(event.kind()).isEqualTo(GateEventKind.ALERT);
            assertThat(event.detail()).startsWith("ADMITTED_TWICE");
        });
        feed.cancel();
        // online, the pass is inside: a third entry is refused
        assertThat(fixtures.scan(graphQL.as("guard"), code, site[1], "IN").getString("data.scanPass.reason"))
                .isEqualTo("ALREADY_INSIDE");
    }

    @Test
    void uploadsAreValidatedWholeAndForGuards() {
        String[] site = fixtures.site();
        String code = fixtures.issue(site[0], false).getString("data.issuePass.code");
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
        String good = UUID.randomUUID().toString();

        JsonPath badId = graphQL.call(graphQL.as("guard"), UPLOAD, Map.of("s", List.of(
                offline(good, code, site[1], "IN", at, "ALLOW"), offline("one", code, site[1], "IN", at, "ALLOW"))));
        assertThat(errorCode(badId)).isEqualTo("VALIDATION");
        assertThat(badId.getString("errors[0].extensions.field")).isEqualTo("scans.1.id");
        JsonPath future = graphQL.call(graphQL.as("guard"), UPLOAD, Map.of("s", List.of(
                offline(good, code, site[1], "IN", at.plusHours(1), "ALLOW"))));
        assertThat(errorCode(future)).isEqualTo("VALIDATION");
        assertThat(future.getString("errors[0].extensions.field")).isEqualTo("scans.0.scannedAt");
        JsonPath unknownGate = graphQL.call(graphQL.as("guard"), UPLOAD, Map.of("s", List.of(
                offline(good, code, site[1], "IN", at, "ALLOW"),
                offline(UUID.randomUUID().toString(), code, Demo.UNKNOWN, "IN", at, "ALLOW"))));
        assertThat(errorCode(unknownGate)).isEqualTo("NOT_FOUND");
        assertThat(unknownGate.getString("errors[0].extensions.field")).isEqualTo("scans.1.gateId");
        assertThat(errorCode(graphQL.call(graphQL.as("guard"), UPLOAD, Map.of("s", List.of())))).isEqualTo("VALIDATION");
        assertThat(database.count("select count(*) from pass_scan where id = $1", UUID.fromString(good))).isZero();

        Map<String, Object> one = Map.of("s", List.of(offline(good, code, site[1], "IN", at, "ALLOW")));
        assertThat(errorCode(graphQL.call(graphQL.as("staff"), UPLOAD, one))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), UPLOAD, one))).isEqualTo("UNAUTHENTICATED");
        assertThat(database.count("select count(*) from pass_scan where id = $1", UUID.fromString(good))).isZero();
    }
}
