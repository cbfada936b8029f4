package io.dayuan.visits.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import io.dayuan.visits.VisitTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class FaceResourceTest extends VisitTestBase {

    record Invited(String id, String token) {
    }

    private Invited invited(boolean consent) {
        JsonPath visit = fixtures.invited(fixtures.staff().as(), fixtures.invitation(fixtures.site()));
        Invited invited = new Invited(visit.getString("id"), visit.getString("visitorToken"));
        if (consent) {
            graphQL.call(graphQL.anonymous(),
                    "mutation($t: String!) { giveFaceConsent(token: $t, consentTextVersion: \"v1\") { id } }",
                    Map.of("t", invited.token()));
        }
        return invited;
    }

    private static byte[] image(String format) throws IOException {
        BufferedImage image = new BufferedImage(40, 50, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** A real grey PNG of the given size, all black: a few tens of KB however many pixels it declares. */
    private static byte[] blackPng(int width, int height, boolean withPixels) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", header.array());
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        if (withPixels) {
            try (DeflaterOutputStream deflate = new DeflaterOutputStream(pixels, new Deflater(9))) {
                byte[] row = new byte[width + 1];
                for (int y = 0; y < height; y++) {
                    deflate.write(row);
                }
            }
        }
        chunk(png, "IDAT", pixels.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        png.write(ByteBuffer.allocate(4).putInt(data.length).array());
        png.write(type.getBytes(StandardCharsets.US_ASCII));
        png.write(data);
        png.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static JsonPath put(String id, String token, String type, byte[] body, int status) {
        var request = given().contentType(type).body(body);
        if (token != null) {
            request.header("X-Visitor-Token", token);
        }
        return request.put("/visits/" + id + "/face").then().statusCode(status).extract().jsonPath();
    }

    @Test
    void aJpegWithConsentIsStoredEncryptedAndReplacedByTheNextOne() throws IOException {
        Invited visit = invited(true);
        byte[] jpeg = image("jpg");
        given().header("X-Visitor-Token", visit.token()).contentType("image/jpeg").body(jpeg)
                .put("/visits/" + visit.id() + "/face").then().statusCode(204);
        var row = database.rows("SELECT content_type, ciphertext FROM visit_face WHERE visit_id = $1",
                UUID.fromString(visit.id())).get(0);
        assertThat(row.getString("content_type")).isEqualTo("image/jpeg");
        assertThat(row.getBuffer("ciphertext").getBytes()).isNotEqualTo(jpeg);
        given().header("X-Visitor-Token", visit.token()).contentType("image/png").body(image("png"))
                .put("/visits/" + visit.id() + "/face").then().statusCode(204);
        assertThat(database.count("SELECT count(*) FROM visit_face WHERE visit_id = $1", UUID.fromString(visit.id())))
                .isEqualTo(1);
        assertThat(database.count("SELECT count(*) FROM visit_face_deletion WHERE visit_id = $1 AND reason = 'REPLACED'",
                UUID.fromString(visit.id()))).isEqualTo(1);
    }

    /** Refused as VALIDATION naming the face. */
    private static void assertFaceInvalid(JsonPath answer) {
        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("VALIDATION");
        assertThat(answer.getString("errors[0].extensions.field")).isEqualTo("face");
    }

    @Test
    void withoutConsentThePhotoIsForbidden() throws IOException {
        Invited visit = invited(false);
        JsonPath answer = put(visit.id(), visit.token(), "image/png", image("png"), 403);
        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
        assertThat(database.count("SELECT count(*) FROM visit_face WHERE visit_id = $1", UUID.fromString(visit.id())))
                .isZero();
    }

    @Test
    void onlyRealJpegOrPngPhotosOfAtMostTwoMegabytesAreTaken() throws IOException {
        Invited visit = invited(true);
        byte[] fakePng = new byte[200];
        System.arraycopy(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, 0, fakePng, 0, 8);
        JsonPath fake = put(visit.id(), visit.token(), "image/png", fakePng, 400);
        assertFaceInvalid(fake);
        JsonPath gif = put(visit.id(), visit.token(), "image/gif", image("gif"), 400);
        assertThat(gif.getString("errors[0].extensions.field")).isEqualTo("face");
        byte[] large = new byte[2 * 1024 * 1024 + 10];
        byte[] jpeg = image("jpg");
        System.arraycopy(jpeg, 0, large, 0, jpeg.length);
        JsonPath tooLarge = put(visit.id(), visit.token(), "image/jpeg", large, 413);
        assertFaceInvalid(tooLarge);
        assertThat(database.count("SELECT count(*) FROM visit_face WHERE visit_id = $1", UUID.fromString(visit.id())))
                .isZero();
    }

    @Test
    void aPhotoDeclaringMoreThan4096PixelsASideIsRefusedFromItsHeader() throws IOException {
        Invited visit = invited(true);
        byte[] huge = blackPng(6000, 6000, true);
        assertThat(huge.length).isLessThan(64 * 1024);
        JsonPath refused = put(visit.id(), visit.token(), "image/png", huge, 400);
        assertFaceInvalid(refused);
        assertThat(refused.getString("errors[0].message")).contains("4096");
        // no pixel data at all: only the header can have refused it, decoding would have failed differently
        JsonPath headerOnly = put(visit.id(), visit.token(), "image/png", blackPng(30000, 30000, false), 400);
        assertThat(headerOnly.getString("errors[0].message")).contains("4096");
        JsonPath tooTall = put(visit.id(), visit.token(), "image/png", blackPng(4096, 4097, false), 400);
        assertThat(tooTall.getString("errors[0].message")).contains("4096");
        assertThat(database.count("SELECT count(*) FROM visit_face WHERE visit_id = $1", UUID.fromString(visit.id())))
                .isZero();
        put(visit.id(), visit.token(), "image/png", blackPng(4096, 4096, true), 204);
    }

    @Test
    void theTokenMustBeTheVisitsOwn() throws IOException {
        Invited visit = invited(true);
        Invited other = invited(true);
        byte[] png = image("png");
        assertThat(put(visit.id(), null, "image/png", png, 401).getString("errors[0].extensions.code"))
                .isEqualTo("UNAUTHENTICATED");
        assertThat(put(visit.id(), "not-a-token", "image/png", png, 404).getString("errors[0].extensions.code"))
                .isEqualTo("NOT_FOUND");
        assertThat(put(visit.id(), other.token(), "image/png", png, 403).getString("errors[0].extensions.code"))
                .isEqualTo("FORBIDDEN");
        JsonPath malformed = put("visit-1", visit.token(), "image/png", png, 400);
        assertThat(malformed.getString("errors[0].extensions.field")).isEqualTo("id");
    }
}
