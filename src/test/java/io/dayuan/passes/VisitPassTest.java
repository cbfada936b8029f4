package io.dayuan.passes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.GraphQL.As;
import io.dayuan.passes.code.PassCodes;
import io.dayuan.passes.service.PassService;
import io.dayuan.platform.ApiException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/** The pass side of visits (issue 6): what the visits service calls for an approved visit. */
@QuarkusTest
class VisitPassTest extends PassTestBase {

    @Inject
    PassService passes;

    @Inject
    PassCodes codes;

    @Test
    void anApprovedVisitGetsOneAdmitOncePass() throws Throwable {
        String[] site = fixtures.site();
        UUID visit = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Pass pass = VertxContextSupport.subscribeAndAwait(() -> passes.issueVisitPass(visit, UUID.fromString(site[0]),
                "访客刘洋", "粤B12345", now.minusMinutes(5), now.plusHours(4)));
        assertThat(pass.admitOnce).isTrue();
        assertThat(pass.visitId).isEqualTo(visit);
        Pass again = VertxContextSupport.subscribeAndAwait(() -> passes.issueVisitPass(visit,
                UUID.fromString(site[0]), "访客刘洋", "粤B12345", now.minusMinutes(5), now.plusHours(4)));
        assertThat(again.id).isEqualTo(pass.id);
        assertThat(database.count("select count(*) from pass where visit_id = $1", visit)).isEqualTo(1);

        String code = codes.codeFor(pass, java.time.Instant.now());
        assertThat(codes.verify(code).admitOnce()).isTrue();
        As guard = graphQL.as("guard");
        assertThat(fixtures.scan(guard, code, site[1], "IN").getString("data.scanPass.reason")).isEqualTo("OK");
        assertThat(database.count("select count(*) from gate_passage where subject_key = $1 and subject_kind = 'VISITOR'",
                "visit:" + visit)).isEqualTo(1);
        assertThat(fixtures.scan(guard, code, site[2], "IN").getString("data.scanPass.reason")).isEqualTo("ALREADY_INSIDE");

        Pass revoked = VertxContextSupport.subscribeAndAwait(() -> passes.revokeVisitPass(visit, "访问取消"));
        assertThat(revoked.getStatus()).isEqualTo(PassStatus.REVOKED);
        assertThat(fixtures.scan(guard, code, site[1], "OUT").getString("data.scanPass.reason")).isEqualTo("REVOKED");
        assertThat(VertxContextSupport.<Pass> subscribeAndAwait(() -> passes.revokeVisitPass(UUID.randomUUID(), null)))
                .isNull();
    }

    @Test
    void aVisitPassNeedsAWindow() {
        UUID site = UUID.fromString(fixtures.site()[0]);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(
                () -> passes.issueVisitPass(UUID.randomUUID(), site, "访客", null, now, now.minusHours(1))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("validUntil"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(
                () -> passes.issueVisitPass(UUID.randomUUID(), site, " ", null, now, now.plusHours(1))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("holderName"));
        assertThat(database.count("select count(*) from pass where site_ids = array[$1]::uuid[]", site)).isZero();
    }
}
