package io.dayuan.passes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import io.dayuan.Demo;
import io.dayuan.GraphQL;
import io.dayuan.GraphQL.As;
import io.dayuan.passes.code.PassCodes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class PassResourceTest {

    @Inject
    GraphQL graphQL;

    @Inject
    PassFixtures fixtures;

    @Inject
    PassCodes codes;

    private static RequestSpecification as(As caller) {
        RequestSpecification request = given();
        return caller.token() == null ? request : request.header("Authorization", "Bearer " + caller.token());
    }

    @Test
    void theQrPngReadsBackAsThePassCode() throws Exception {
        String[] site = fixtures.site();
        var issued = fixtures.issue(site[0], false);
        String id = issued.getString("data.issuePass.id");
        Response png = as(fixtures.admin()).get("/passes/" + id + "/qr.png");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.contentType()).isEqualTo("image/png");
        var image = ImageIO.read(new ByteArrayInputStream(png.asByteArray()));
        // a generated image is a pure barcode: read it as one (the general detector can trip on a perfect grid)
        String read = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image))), Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        assertThat(read).isEqualTo(issued.getString("data.issuePass.code"));

        Response svg = as(fixtures.admin()).get("/passes/" + id + "/qr.svg");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.contentType()).startsWith("image/svg+xml");
        assertThat(svg.asString()).startsWith("<?xml").contains("<svg").contains("<path");
    }

    @Test
    void theHolderMaySeeTheirOwnPassOnly() {
        As staff = graphQL.person("qr-holder-" + UUID.randomUUID(), "持证人", null, null, "staff");
        String mine = graphQL.call(staff, "query($s: ID!) { myPass(siteId: $s) { id } }", Map.of("s", Demo.DEMO_SITE))
                .getString("data.myPass.id");
        assertThat(as(staff).get("/passes/" + mine + "/qr.svg").statusCode()).isEqualTo(200);

        String other = fixtures.issue(Demo.DEMO_SITE, false).getString("data.issuePass.id");
        Response forbidden = as(staff).get("/passes/" + other + "/qr.png");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.jsonPath().getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");

        Response anonymous = as(graphQL.anonymous()).get("/passes/" + mine + "/qr.png");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.jsonPath().getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");

        Response badToken = given().header("Authorization", "Bearer nonsense").get("/passes/" + mine + "/qr.png");
        assertThat(badToken.statusCode()).isEqualTo(401);
        assertThat(badToken.jsonPath().getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");

        Response unknown = as(fixtures.admin()).get("/passes/" + Demo.UNKNOWN + "/qr.png");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.jsonPath().getString("errors[0].extensions.code")).isEqualTo("NOT_FOUND");

        Response malformed = as(fixtures.admin()).get("/passes/abc/qr.png");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.jsonPath().getString("errors[0].extensions.code")).isEqualTo("VALIDATION");
        assertThat(malformed.jsonPath().getString("errors[0].extensions.field")).isEqualTo("id");
    }

    @Test
    void aRevokedPassHasNoQr() {
        String id = fixtures.issue(Demo.DEMO_SITE, false).getString("data.issuePass.id");
        graphQL.call(fixtures.admin(), "mutation($id: ID!) { revokePass(id: $id) { id } }", Map.of("id", id));
        Response revoked = as(fixtures.admin()).get("/passes/" + id + "/qr.png");
        assertThat(revoked.statusCode()).isEqualTo(409);
        assertThat(revoked.jsonPath().getString("errors[0].extensions.code")).isEqualTo("CONFLICT");
    }

    @Test
    void adminsPrintASheetOfABatch() {
        String[] site = fixtures.site();
        var a = fixtures.issue(site[0], false);
        var b = fixtures.issue(site[0], false);
        String ids = a.getString("data.issuePass.id") + "," + b.getString("data.issuePass.id");
        Response sheet = as(fixtures.admin()).queryParam("ids", ids).get("/passes/sheet.svg");
        assertThat(sheet.statusCode()).isEqualTo(200);
        assertThat(sheet.contentType()).startsWith("image/svg+xml");
        assertThat(sheet.asString()).contains(a.getString("data.issuePass.holderName"))
                .contains(b.getString("data.issuePass.holderName")).contains("人员通行证");
        assertThat(sheet.asString().split("<path").length - 1).isEqualTo(2);

        assertThat(as(graphQL.as("staff")).queryParam("ids", ids).get("/passes/sheet.svg").statusCode()).isEqualTo(403);
        assertThat(as(graphQL.anonymous()).queryParam("ids", ids).get("/passes/sheet.svg").statusCode()).isEqualTo(401);
        Response missing = as(fixtures.admin()).queryParam("ids", ids + "," + Demo.UNKNOWN).get("/passes/sheet.svg");
        assertThat(missing.statusCode()).isEqualTo(404);
        Response bad = as(fixtures.admin()).get("/passes/sheet.svg");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.jsonPath().getString("errors[0].extensions.field")).isEqualTo("ids");
    }
}
