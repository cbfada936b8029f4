package io.dayuan.sites.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dayuan.platform.ApiException;
import io.dayuan.platform.ErrorCode;
import io.dayuan.sites.SitesConfig.UnassignedAccess;
import io.dayuan.sites.service.SiteAccess.Scope;

class SiteAccessTest {

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();

    private record Thing(String name, UUID siteId) {
    }

    private static ErrorCode codeOf(Runnable check) {
        try {
            check.run();
            return null;
        } catch (ApiException refused) {
            return refused.code();
        }
    }

    @Test
    void aMemberActsOnlyAtTheirSitesWhateverTheirRoleOrTheSetting() {
        for (UnassignedAccess setting : UnassignedAccess.values()) {
            for (boolean admin : new boolean[] { false, true }) {
                Scope scope = SiteAccess.scope(Set.of(A), admin, setting);
                assertThat(scope.canAct(A)).isTrue();
                assertThat(scope.canAct(B)).isFalse();
            }
        }
    }

    @Test
    void aGlobalAdministratorIsAnAdminOfNoSiteAndActsEverywhere() {
        for (UnassignedAccess setting : UnassignedAccess.values()) {
            Scope scope = SiteAccess.scope(Set.of(), true, setting);
            assertThat(scope.canAct(A)).isTrue();
            assertThat(scope.canAct(B)).isTrue();
        }
    }

    @Test
    void someoneOfNoSiteActsEverywhereOrNowhereAsTheSettingSays() {
        assertThat(SiteAccess.scope(Set.of(), false, UnassignedAccess.ALL).canAct(B)).isTrue();
        Scope none = SiteAccess.scope(Set.of(), false, UnassignedAccess.NONE);
        assertThat(none.canAct(A)).isFalse();
        assertThat(none.canAct(B)).isFalse();
        assertThat(none.filter(List.of(new Thing("a", A)), Thing::siteId)).isEmpty();
    }

    @Test
    void namingAnotherSiteIsForbiddenAndAnObjectOfAnotherSiteIsNotFound() {
        Scope scope = SiteAccess.scope(Set.of(A), false, UnassignedAccess.ALL);
        assertThat(codeOf(() -> scope.requireSite(A))).isNull();
        assertThat(codeOf(() -> scope.requireSite(B))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(codeOf(() -> scope.requireVisible(A, "Gate", UUID.randomUUID()))).isNull();
        UUID gate = UUID.randomUUID();
        assertThatThrownBy(() -> scope.requireVisible(B, "Gate", gate)).isInstanceOf(ApiException.class)
                .hasMessage("Gate " + gate + " does not exist");
    }

    @Test
    void listsKeepTheCallersSitesInOrder() {
        Thing first = new Thing("first", A);
        Thing other = new Thing("other", B);
        Thing second = new Thing("second", A);
        List<Thing> all = List.of(first, other, second);
        assertThat(SiteAccess.scope(Set.of(A), true, UnassignedAccess.NONE).filter(all, Thing::siteId))
                .containsExactly(first, second);
        assertThat(Scope.EVERY_SITE.filter(all, Thing::siteId)).containsExactly(first, other, second);
    }

    @Test
    void aGroupOfSitesIsCoveredOnlyWhenEachIs() {
        Scope scope = SiteAccess.scope(Set.of(A), true, UnassignedAccess.ALL);
        assertThat(scope.canActAtAll(Set.of(A))).isTrue();
        assertThat(scope.canActAtAll(Set.of(A, B))).isFalse();
        assertThat(scope.canActAtAll(Set.of())).isTrue();
    }

    @Test
    void onlyAGlobalAdministratorActsAtEverySiteAndAPassOfSeveralSitesNeedsThemAll() {
        Scope member = SiteAccess.scope(Set.of(A), true, UnassignedAccess.ALL);
        Scope global = SiteAccess.scope(Set.of(), true, UnassignedAccess.NONE);
        Scope nobody = SiteAccess.scope(Set.of(), false, UnassignedAccess.NONE);
        assertThat(codeOf(member::requireEverySite)).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(codeOf(nobody::requireEverySite)).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(codeOf(global::requireEverySite)).isNull();

        assertThat(codeOf(() -> member.requireSites(List.of(A, B)))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(codeOf(() -> member.requireSites(List.of(A)))).isNull();
        assertThat(codeOf(() -> member.requireVisible(List.of(A, B), "Pass", A))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(codeOf(() -> member.requireVisible(List.of(A), "Pass", A))).isNull();
        assertThat(codeOf(() -> global.requireVisible(List.of(A, B), "Pass", A))).isNull();
    }
}
