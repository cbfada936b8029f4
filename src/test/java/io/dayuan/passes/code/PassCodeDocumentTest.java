package io.dayuan.passes.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dayuan.passes.PassKind;
import io.dayuan.passes.service.QrCodes;

/** mobile-schema/PASS_CODE.md stays true: its worked example is re-verified from the document's own values. */
class PassCodeDocumentTest {

    private static final HexFormat HEX = HexFormat.of();

    private static Map<String, String> example() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("mobile-schema", "PASS_CODE.md"));
        int start = lines.indexOf("```text example");
        assertThat(start).as("the worked example block").isPositive();
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.equals("```")) {
                break;
            }
            String[] parts = line.split(" {2,}", 2);
            values.put(parts[0].strip(), parts[1].strip());
        }
        return values;
    }

    @Test
    void theWorkedExampleVerifies() throws Exception {
        Map<String, String> doc = example();
        // the public key is the seed's
        byte[] publicKey = PassCodec.rawPublicKey(PassCodec.keyPairFromSeed(HEX.parseHex(doc.get("private key seed (hex)")))
                .getPublic());
        assertThat(HEX.formatHex(publicKey)).isEqualTo(doc.get("public key (hex)"));
        assertThat(Base64.getDecoder().decode(doc.get("public key (base64)"))).isEqualTo(publicKey);

        // step 1: prefix and base45 give payload || signature
        String code = doc.get("code");
        assertThat(code).startsWith("DY:");
        byte[] all = Base45.decode(code.substring(3));
        assertThat(HEX.formatHex(all)).isEqualTo(doc.get("payload (hex)") + doc.get("signature (hex)"));

        // step 2: the fields, read at the documented offsets
        byte[] payload = HEX.parseHex(doc.get("payload (hex)"));
        assertThat(payload[0]).isEqualTo((byte) 1);
        assertThat(payload[1]).isEqualTo((byte) (doc.get("kind").equals("PERSON") ? 1 : 2));
        assertThat(payload[2] & 1).isEqualTo(Boolean.parseBoolean(doc.get("admit-once")) ? 1 : 0);
        assertThat(HEX.formatHex(payload, 3, 19)).isEqualTo(doc.get("pass id").replace("-", ""));
        assertThat(Integer.parseInt(HEX.formatHex(payload, 19, 23), 16)).isEqualTo(Integer.parseInt(doc.get("generation")));
        assertThat(Long.parseLong(HEX.formatHex(payload, 23, 27), 16))
                .isEqualTo(OffsetDateTime.parse(doc.get("valid from")).toEpochSecond());
        assertThat(Long.parseLong(HEX.formatHex(payload, 27, 31), 16))
                .isEqualTo(OffsetDateTime.parse(doc.get("valid until")).toEpochSecond());
        assertThat(payload[31]).isEqualTo((byte) 2);
        assertThat(HEX.formatHex(payload, 32, 40)).isEqualTo(doc.get("site 1 tag (hex)"));
        assertThat(HEX.formatHex(payload, 40, 48)).isEqualTo(doc.get("site 2 tag (hex)"));
        assertThat(String.format("%016x", SiteTags.tag(UUID.fromString(doc.get("site 1")))))
                .isEqualTo(doc.get("site 1 tag (hex)"));
        assertThat(String.format("%016x", SiteTags.tag(UUID.fromString(doc.get("site 2")))))
                .isEqualTo(doc.get("site 2 tag (hex)"));
        assertThat(payload[48]).isEqualTo((byte) doc.get("kid").length());
        assertThat(new String(payload, 49, payload.length - 49, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo(doc.get("kid"));

        // step 3: the signature holds under the documented public key, with the JDK's Ed25519
        var verifier = java.security.Signature.getInstance("Ed25519");
        verifier.initVerify(PassCodec.publicKey(Base64.getDecoder().decode(doc.get("public key (base64)"))));
        verifier.update(payload);
        assertThat(verifier.verify(HEX.parseHex(doc.get("signature (hex)")))).isTrue();

        // and the codec agrees with the document both ways
        PassCodec.Decoded decoded = PassCodec.decode(code);
        assertThat(decoded.code()).isEqualTo(new PassCode(1, PassKind.valueOf(doc.get("kind")),
                Boolean.parseBoolean(doc.get("admit-once")), UUID.fromString(doc.get("pass id")),
                Long.parseLong(doc.get("generation")), OffsetDateTime.parse(doc.get("valid from")).toInstant(),
                OffsetDateTime.parse(doc.get("valid until")).toInstant(),
                List.of(SiteTags.tag(UUID.fromString(doc.get("site 1"))), SiteTags.tag(UUID.fromString(doc.get("site 2")))),
                doc.get("kid")));
        assertThat(PassCodec.sign(decoded.code(),
                PassCodec.keyPairFromSeed(HEX.parseHex(doc.get("private key seed (hex)"))).getPrivate())).isEqualTo(code);
        assertThat(QrCodes.encode(code).getVersion().getVersionNumber())
                .isEqualTo(Integer.parseInt(doc.get("qr version (level M)")));
    }
}
