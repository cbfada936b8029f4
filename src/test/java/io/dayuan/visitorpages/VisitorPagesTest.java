package io.dayuan.visitorpages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.Database;
import io.dayuan.Demo;
import io.dayuan.visits.VisitFixtures;
import io.dayuan.visits.VisitFixtures.Staff;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The visitor's pages over plain HTTP: what they show, their headers, and what they refuse. */
@QuarkusTest
class VisitorPagesTest {

    @Inject
    VisitFixtures fixtures;

    @Inject
    Database database;

    private record Invited(String id, String token, Staff host) {
    }

    private Invited invite(Map<String, Object> extra) {
        String site = fixtures.site();
        Staff host = fixtures.staff();
        Map<String, Object> input = fixtures.invitation(site);
        input.putAll(extra);
        var visit = fixtures.invited(host.as(), input);
        return new Invited(visit.getString("id"), visit.getString("visitorToken"), host);
    }

    @Test
    void theVisitPageShowsTheVisitInChineseWithTheSecurityHeaders() {
        Invited visit = invite(Map.of("purpose", "洽谈", "plate", "京A12345"));
        Response page = given().get("/v/" + visit.token());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        String html = page.asString();
        assertThat(html).contains("<html lang=\"zh-CN\">", "您的来访", "洽谈", "京A12345", "已批准")
                .contains("/v/" + visit.token() + "/pass.png").doesNotContain(visit.host().phone());
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(page.getCookie(FormKeys.COOKIE)).hasSize(43);
    }

    @Test
    void englishByAcceptLanguageOrLangParameter() {
        Invited visit = invite(Map.of());
        assertThat(given().header("Accept-Language", "en-GB,en;q=0.9,zh;q=0.5").get("/v/" + visit.token()).asString())
                .contains("<html lang=\"en\">", "Your visit", "Approved");
        assertThat(given().get("/v/" + visit.token() + "?lang=en").asString()).contains("Your visit");
        assertThat(given().header("Accept-Language", "en").get("/v/" + visit.token() + "?lang=zh").asString())
                .contains("您的来访");
    }

    @Test
    void unknownTokensAndSitesGetAPageNotJson() {
        Response unknown = given().get("/v/no-such-token-" + UUID.randomUUID());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("text/html");
        assertThat(unknown.asString()).contains("找不到此来访").doesNotContain("errors", "Exception");
        assertThat(given().get("/v/request/" + Demo.UNKNOWN).statusCode()).isEqualTo(404);
        assertThat(given().get("/v/request/not-an-id").statusCode()).isEqualTo(404);
        assertThat(given().get("/v/x/pass.png").statusCode()).isEqualTo(404);
    }

    @Test
    void aCancelledVisitIsGoneAndItsPassWithIt() {
        Invited visit = invite(Map.of());
        Response page = given().get("/v/" + visit.token());
        String key = page.getCookie(FormKeys.COOKIE);
        assertThat(given().get("/v/" + visit.token() + "/pass.png").statusCode()).isEqualTo(200);
        Response cancelled = given().cookie(FormKeys.COOKIE, key).header("Sec-Fetch-Site", "same-origin")
                .formParam(FormKeys.FIELD, key).post("/v/" + visit.token() + "/cancel");
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.asString()).contains("来访已取消");
        assertThat(database.rows("SELECT status FROM visit WHERE id = $1", UUID.fromString(visit.id())).get(0)
                .getString("status")).isEqualTo("CANCELLED");
        Response gone = given().get("/v/" + visit.token());
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.asString()).contains("此来访已取消");
        assertThat(given().get("/v/" + visit.token() + "/pass.png").statusCode()).isEqualTo(410);
    }

    @Test
    void postsFromAnotherSiteOrWithoutTheFormKeyAreRefused() {
        Invited visit = invite(Map.of());
        String key = given().get("/v/" + visit.token()).getCookie(FormKeys.COOKIE);
        Response crossSite = given().cookie(FormKeys.COOKIE, key).header("Sec-Fetch-Site", "cross-site")
                .formParam(FormKeys.FIELD, key).post("/v/" + visit.token() + "/cancel");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.asString()).contains("页面已过期");
        Response noKey = given().formParam(FormKeys.FIELD, key).post("/v/" + visit.token() + "/cancel");
        assertThat(noKey.statusCode()).isEqualTo(403);
        // Chromium's own same-origin post under no-referrer: Origin null, but Sec-Fetch-Site same-origin
        Response own = given().cookie(FormKeys.COOKIE, key).header("Origin", "null")
                .header("Sec-Fetch-Site", "same-origin").formParam(FormKeys.FIELD, key)
                .post("/v/" + visit.token() + "/cancel");
        assertThat(own.statusCode()).isEqualTo(200);
    }

    @Test
    void theWalkUpFormNamesEveryBadFieldAndAnswersAlikeForAnyHostPhone() {
        String key = given().get("/v/request/" + Demo.DEMO_SITE).getCookie(FormKeys.COOKIE);
        Response bad = given().cookie(FormKeys.COOKIE, key).header("X-Forwarded-For", VisitFixtures.address())
                .formParam(FormKeys.FIELD, key).formParam("hostPhone", "12345").formParam("visitorName", "")
                .formParam("visitorPhone", "13912345678").formParam("date", "2020-01-01")
                .formParam("fromTime", "09:00").formParam("untilTime", "08:00").formParam("plate", "ABC")
                .post("/v/request/" + Demo.DEMO_SITE);
        assertThat(bad.statusCode()).isEqualTo(400);
        String html = bad.asString();
        assertThat(html).contains("id=\"hostPhone-error\"", "id=\"visitorName-error\"", "id=\"plate-error\"",
                "id=\"untilTime-error\"").doesNotContain("id=\"visitorPhone-error\"");
        String date = VisitFixtures.inHours(48).toLocalDate().toString();
        for (String hostPhone : new String[] { "13800000001", "13700000000" }) {
            Response good = given().cookie(FormKeys.COOKIE, key).header("X-Forwarded-For", VisitFixtures.address())
                    .formParam(FormKeys.FIELD, key).formParam("hostPhone", hostPhone).formParam("visitorName", "王五")
                    .formParam("visitorPhone", VisitFixtures.mobile()).formParam("date", date)
                    .formParam("fromTime", "09:00").formParam("untilTime", "11:00")
                    .post("/v/request/" + Demo.DEMO_SITE);
            assertThat(good.statusCode()).isEqualTo(200);
            assertThat(good.asString()).contains("申请已提交");
        }
    }

    @Test
    void walkUpLimitsAreAFriendlyPageAndCountTheClientBehindTheProxy() {
        String key = given().get("/v/request/" + Demo.DEMO_SITE).getCookie(FormKeys.COOKIE);
        String date = VisitFixtures.inHours(48).toLocalDate().toString();
        // more walk-ups than one client may send (20), each from its own client behind the ingress: none refused
        for (int i = 0; i < 21; i++) {
            assertThat(walkUp(key, VisitFixtures.address(), VisitFixtures.mobile(), date).statusCode()).isEqualTo(200);
        }
        String visitorPhone = VisitFixtures.mobile();
        for (int i = 0; i < 5; i++) {
            assertThat(walkUp(key, VisitFixtures.address(), visitorPhone, date).statusCode()).isEqualTo(200);
        }
        Response limited = walkUp(key, VisitFixtures.address(), visitorPhone, date);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("text/html");
        assertThat(limited.asString()).contains("id=\"rate-limited\"", "提交次数太多了").doesNotContain("RATE_LIMITED");
    }

    private static Response walkUp(String key, String client, String visitorPhone, String date) {
        return given().cookie(FormKeys.COOKIE, key).header("X-Forwarded-For", client).formParam(FormKeys.FIELD, key)
                .formParam("hostPhone", "137" + VisitFixtures.mobile().substring(3)).formParam("visitorName", "赵六")
                .formParam("visitorPhone", visitorPhone).formParam("date", date).formParam("fromTime", "09:00")
                .formParam("untilTime", "11:00").post("/v/request/" + Demo.DEMO_SITE);
    }
}
