package io.dayuan.passes;

import static io.dayuan.GraphQL.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.Demo;
import io.dayuan.GraphQL.As;
import io.dayuan.gates.GateEvent;
import io.dayuan.gates.service.GateEvents;
import io.dayuan.passes.code.Base45;
import io.dayuan.passes.code.PassCode;
import io.dayuan.passes.code.PassCodec;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;

@QuarkusTest
class ScanPassTest extends PassTestBase {

    @Inject
    GateEvents gateEvents;

    private static String reason(JsonPath scan) {
        assertThat(scan.getList("errors")).as("errors").isNull();
        return scan.getString("data.scanPass.decision") + " " + scan.getString("data.scanPass.reason");
    }

    @Test
    void anAllowedScanIsRecordedAndFeedsPresence() {
        String[] site = fixtures.site();
        JsonPath issued = fixtures.issue(site[0], false);
        String passId = issued.getString("data.issuePass.id");
        String holder = issued.getString("data.issuePass.holderName");
        String subject = "guard-" + UUID.randomUUID();
        As guard = graphQL.person(subject, "门卫甲", null, null, "guard");

        JsonPath scan = fixtures.scan(guard, issued.getString("data.issuePass.code"), site[1], "IN");
        assertThat(reason(scan)).isEqualTo("ALLOW OK");
        assertThat(scan.getString("data.scanPass.pass.id")).isEqualTo(passId);
        assertThat(scan.getString("data.scanPass.pass.holderName")).isEqualTo(holder);
        assertThat(database.count("""
                select count(*) from pass_scan s join person g on g.id = s.guard_id
                where s.id = $1 and s.pass_id = $2 and s.gate_id = $3 and g.subject = $4 and s.direction = 'IN'
                  and s.decision = 'ALLOW' and s.reason = 'OK' and s.source = 'ONLINE'""",
                UUID.fromString(scan.getString("data.scanPass.scanId")), UUID.fromString(passId),
                UUID.fromString(site[1]), subject)).isEqualTo(1);
        assertThat(database.count("select count(*) from gate_passage where pass_id = $1 and source = 'SCAN' "
                + "and subject_key = $2", UUID.fromString(passId), "pass:" + passId)).isEqualTo(1);
        JsonPath onSite = graphQL.call(guard, "query($s: ID!) { onSite(siteId: $s) { holderName } }",
                Map.of("s", site[0]));
        assertThat(onSite.getList("data.onSite.holderName")).containsExactly(holder);

        // a pass that is not admit-once enters again, and leaves
        assertThat(reason(fixtures.scan(guard, issued.getString("data.issuePass.code"), site[2], "IN")))
                .isEqualTo("ALLOW OK");
        assertThat(reason(fixtures.scan(guard, issued.getString("data.issuePass.code"), site[2], "OUT")))
                .isEqualTo("ALLOW OK");
        assertThat(graphQL.call(guard, "query($s: ID!) { onSite(siteId: $s) { holderName } }", Map.of("s", site[0]))
                .getList("data.onSite")).isEmpty();
    }

    @Test
    void garbageAndForgedCodesAreInvalid() throws Exception {
        String[] site = fixtures.site();
        As guard = graphQL.as("guard");
        String code = fixtures.issue(site[0], false).getString("data.issuePass.code");

        assertThat(reason(fixtures.scan(guard, "hello", site[1], "IN"))).isEqualTo("DENY INVALID");
        assertThat(reason(fixtures.scan(guard, "DY:%%%", site[1], "IN"))).isEqualTo("DENY INVALID");
        // the exact text, as PASS_CODE.md says: surrounding whitespace makes another (invalid) code
        assertThat(reason(fixtures.scan(guard, " " + code + "\n", site[1], "IN"))).isEqualTo("DENY INVALID");
        assertThat(reason(fixtures.scan(guard, code.substring(0, code.length() - 6), site[1], "IN")))
                .isEqualTo("DENY INVALID");

        // one byte changed, anywhere: the signature fails (or the layout does)
        byte[] bytes = Base45.decode(code.substring(PassCodec.PREFIX.length()));
        for (int index : new int[] { 3, 20, 30, 40, bytes.length - 1 }) {
            byte[] tampered = bytes.clone();
            tampered[index] ^= 0x01;
            JsonPath scan = fixtures.scan(guard, PassCodec.PREFIX + Base45.encode(tampered), site[1], "IN");
            assertThat(reason(scan)).as("byte " + index).isEqualTo("DENY INVALID");
            assertThat(scan.getString("data.scanPass.pass")).isNull();
        }

        // a well-formed code signed by a key the service does not know
        KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        PassCode decoded = PassCodec.decode(code).code();
        String forged = PassCodec.sign(new PassCode(1, decoded.kind(), false, decoded.passId(), 1, decoded.validFrom(),
                decoded.validUntil(), decoded.siteTags(), "forger"), stranger.getPrivate());
        assertThat(reason(fixtures.scan(guard, forged, site[1], "IN"))).isEqualTo("DENY INVALID");
        // ... even when it claims the service's kid
        String claimed = PassCodec.sign(new PassCode(1, decoded.kind(), false, decoded.passId(), 1,
                decoded.validFrom(), decoded.validUntil(), decoded.siteTags(), decoded.kid()), stranger.getPrivate());
        assertThat(reason(fixtures.scan(guard, claimed, site[1], "IN"))).isEqualTo("DENY INVALID");
        assertThat(database.count("select count(*) from pass_scan where gate_id = $1 and reason = 'INVALID'",
                UUID.fromString(site[1]))).isEqualTo(11);
    }

    @Test
    void theWindowHoldsWithinTheClockTolerance() {
        String[] site = fixtures.site();
        As guard = graphQL.as("guard");
        String id = fixtures.issue(site[0], false).getString("data.issuePass.id");
        List<String> sites = List.of(site[0]);
        Instant now = Instant.now();
        assertThat(reason(fixtures.scan(guard, fixtures.code(id, sites, now.minusSeconds(3600), now.minusSeconds(90), 1,
                false), site[1], "IN"))).isEqualTo("DENY EXPIRED");
        assertThat(reason(fixtures.scan(guard, fixtures.code(id, sites, now.minusSeconds(3600), now.minusSeconds(30), 1,
                false), site[1], "IN"))).isEqualTo("ALLOW OK");
        assertThat(reason(fixtures.scan(guard, fixtures.code(id, sites, now.plusSeconds(90), now.plusSeconds(3600), 1,
                false), site[1], "IN"))).isEqualTo("DENY NOT_YET_VALID");
        assertThat(reason(fixtures.scan(guard, fixtures.code(id, sites, now.plusSeconds(30), now.plusSeconds(3600), 1,
                false), site[1], "IN"))).isEqualTo("ALLOW OK");
    }

    @Test
    void aScreenshotOfAPersonalCodeExpires() {
        As guard = graphQL.as("guard");
        String[] site = fixtures.site();
        String subject = "screenshot-" + UUID.randomUUID();
        As staff = graphQL.person(subject, "截图人", null, null, "staff");
        JsonPath mine = graphQL.call(staff, "query($s: ID!) { myPass(siteId: $s) { id code } }", Map.of("s", site[0]));
        String id = mine.getString("data.myPass.id");
        assertThat(reason(fixtures.scan(guard, mine.getString("data.myPass.code"), site[1], "IN"))).isEqualTo("ALLOW OK");
        // the same pass's code as the app showed it three minutes ago (valid 2 minutes) is a screenshot by now
        Instant shown = Instant.now().minusSeconds(180);
        String old = fixtures.code(id, List.of(site[0]), shown, shown.plusSeconds(120), 1, false);
        assertThat(reason(fixtures.scan(guard, old, site[1], "IN"))).isEqualTo("DENY EXPIRED");
        assertThat(database.count("select count(*) from gate_passage where pass_id = $1 and subject_key like 'person:%'",
                UUID.fromString(id))).isEqualTo(1);
    }

    @Test
    void revocationIsImmediateAndAReissueRevokesTheOldCode() {
        String[] site = fixtures.site();
        As guard = graphQL.as("guard");
        JsonPath issued = fixtures.issue(site[0], false);
        String id = issued.getString("data.issuePass.id");
        String code = issued.getString("data.issuePass.code");
        assertThat(reason(fixtures.scan(guard, code, site[1], "IN"))).isEqualTo("ALLOW OK");

        String newCode = graphQL.call(fixtures.admin(), "mutation($id: ID!) { reissuePass(id: $id) { code } }",
                Map.of("id", id)).getString("data.reissuePass.code");
        assertThat(reason(fixtures.scan(guard, code, site[1], "OUT"))).isEqualTo("DENY REVOKED");
        assertThat(reason(fixtures.scan(guard, newCode, site[1], "OUT"))).isEqualTo("ALLOW OK");

        graphQL.call(fixtures.admin(), "mutation($id: ID!) { revokePass(id: $id) { id } }", Map.of("id", id));
        assertThat(reason(fixtures.scan(guard, newCode, site[1], "IN"))).isEqualTo("DENY REVOKED");
    }

    @Test
    void aGateOfAnotherSiteIsTheWrongSite() {
        String[] site = fixtures.site();
        String[] elsewhere = fixtures.site();
        String code = fixtures.issue(site[0], false).getString("data.issuePass.code");
        assertThat(reason(fixtures.scan(graphQL.as("guard"), code, elsewhere[1], "IN"))).isEqualTo("DENY WRONG_SITE");
    }

    @Test
    void anAdmitOncePassEntersOnceAndLeavesOnce() throws Exception {
        String[] site = fixtures.site();
        As guard = graphQL.as("guard");
        JsonPath issued = fixtures.issue(site[0], true);
        String code = issued.getString("data.issuePass.code");
        AssertSubscriber<GateEvent> feed = gateEvents.of(UUID.fromString(site[0])).subscribe()
                .withSubscriber(AssertSubscriber.create(20));

        assertThat(reason(fixtures.scan(guard, code, site[1], "OUT"))).isEqualTo("DENY NOT_INSIDE");
        assertThat(reason(fixtures.scan(guard, code, site[1], "IN"))).isEqualTo("ALLOW OK");
        assertThat(reason(fixtures.scan(guard, code, site[2], "IN"))).isEqualTo("DENY ALREADY_INSIDE");
        assertThat(reason(fixtures.scan(guard, code, site[2], "OUT"))).isEqualTo("ALLOW OK");
        // used up: one entry, one exit
        assertThat(reason(fixtures.scan(guard, code, site[1], "IN"))).isEqualTo("DENY EXPIRED");
        assertThat(database.rows("select admit_state from pass where id = $1",
                UUID.fromString(issued.getString("data.issuePass.id"))).get(0).getString(0)).isEqualTo("USED");

        feed.awaitItems(5, Duration.ofSeconds(10));
        assertThat(feed.getItems().stream().map(event -> event.kind() + " " + event.detail()).toList())
                .containsExactly("DENIED NOT_INSIDE", "PASSAGE null", "DENIED ALREADY_INSIDE", "PASSAGE null",
                        "DENIED EXPIRED");
        assertThat(feed.getItems().get(0).holderName()).isEqualTo(issued.getString("data.issuePass.holderName"));
        feed.cancel();
    }

    @Test
    void twoGuardsScanningOneAdmitOncePassAtOnceLetItInOnce() throws Exception {
        String[] site = fixtures.site();
        As north = graphQL.as("guard");
        As west = graphQL.as("guard");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String code = fixtures.issue(site[0], true).getString("data.issuePass.code");
                CyclicBarrier together = new CyclicBarrier(2);
                CompletableFuture<JsonPath> a = CompletableFuture.supplyAsync(() -> {
                    await(together);
                    return fixtures.scan(north, code, site[1], "IN");
                }, pool);
                CompletableFuture<JsonPath> b = CompletableFuture.supplyAsync(() -> {
                    await(together);
                    return fixtures.scan(west, code, site[2], "IN");
                }, pool);
                List<String> outcomes = new ArrayList<>(List.of(reason(a.get()), reason(b.get())));
                assertThat(outcomes).as("round " + round).containsExactlyInAnyOrder("ALLOW OK", "DENY ALREADY_INSIDE");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void scanningNeedsAGuardAndAKnownGate() {
        String code = fixtures.issue(Demo.DEMO_SITE, false).getString("data.issuePass.code");
        JsonPath badGate = fixtures.scan(graphQL.as("guard"), code, "north", "IN");
        assertThat(errorCode(badGate)).isEqualTo("VALIDATION");
        assertThat(badGate.getString("errors[0].extensions.field")).isEqualTo("gateId");
        assertThat(errorCode(fixtures.scan(graphQL.as("guard"), code, Demo.UNKNOWN, "IN"))).isEqualTo("NOT_FOUND");
        JsonPath blank = fixtures.scan(graphQL.as("guard"), " ", Demo.SOUTH_GATE, "IN");
        assertThat(errorCode(blank)).isEqualTo("VALIDATION");
        assertThat(blank.getString("errors[0].extensions.field")).isEqualTo("code");
        assertThat(errorCode(fixtures.scan(graphQL.as("guard"), "A".repeat(1001), Demo.SOUTH_GATE, "IN")))
                .isEqualTo("VALIDATION");
        assertThat(errorCode(fixtures.scan(graphQL.as("staff"), code, Demo.SOUTH_GATE, "IN"))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(fixtures.scan(graphQL.as("admin"), code, Demo.SOUTH_GATE, "IN"))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(fixtures.scan(graphQL.anonymous(), code, Demo.SOUTH_GATE, "IN")))
                .isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void adminsPageThroughASitesScans() {
        String[] site = fixtures.site();
        As guard = graphQL.person("pager-" + UUID.randomUUID(), "门卫翻页", null, null, "guard");
        String code = fixtures.issue(site[0], false).getString("data.issuePass.code");
        for (String direction : List.of("IN", "OUT", "IN")) {
            reason(fixtures.scan(guard, code, site[1], direction));
        }
        String query = """
                query($s: ID!, $f: Int, $a: String) {
                  scans(siteId: $s, first: $f, after: $a) { next scans { id direction decision reason source flagged gate { id } pass { id } guard { name } } }
                }""";
        JsonPath first = graphQL.call(fixtures.admin(), query, Map.of("s", site[0], "f", 2));
        assertThat(first.getList("errors")).isNull();
        assertThat(first.getList("data.scans.scans.direction")).containsExactly("IN", "OUT");
        assertThat(first.getList("data.scans.scans.gate.id")).containsOnly(site[1]);
        assertThat(first.getList("data.scans.scans.guard.name")).containsOnly("门卫翻页");
        assertThat(first.getList("data.scans.scans.source")).containsOnly("ONLINE");
        String next = first.getString("data.scans.next");
        assertThat(next).isNotNull();
        JsonPath second = graphQL.call(fixtures.admin(), query, Map.of("s", site[0], "f", 2, "a", next));
        assertThat(second.getList("data.scans.scans.direction")).containsExactly("IN");
        assertThat(second.getString("data.scans.next")).isNull();
        assertThat(second.getList("data.scans.scans.id")).doesNotContainAnyElementsOf(first.getList("data.scans.scans.id"));

        JsonPath zero = graphQL.call(fixtures.admin(), query, Map.of("s", site[0], "f", 0));
        assertThat(errorCode(zero)).isEqualTo("VALIDATION");
        assertThat(zero.getString("errors[0].extensions.field")).isEqualTo("first");
        JsonPath badCursor = graphQL.call(fixtures.admin(), query, Map.of("s", site[0], "a", "nonsense"));
        assertThat(errorCode(badCursor)).isEqualTo("VALIDATION");
        assertThat(badCursor.getString("errors[0].extensions.field")).isEqualTo("after");
        assertThat(errorCode(graphQL.call(fixtures.admin(), query, Map.of("s", Demo.UNKNOWN)))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(graphQL.call(guard, query, Map.of("s", site[0])))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), query, Map.of("s", site[0]))))
                .isEqualTo("UNAUTHENTICATED");
    }
}
