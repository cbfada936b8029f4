package io.dayuan.notifications.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Reading the credentials of push providers: PEM keys and files given by path or inline. */
final class Keys {

    private Keys() {
    }

    /** A configured value that is either the content itself or the path of a file holding it. */
    static String contentOrFile(String value) {
        String trimmed = value.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("-----")) {
            return trimmed;
        }
        try {
            return Files.readString(Path.of(trimmed));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + trimmed, e);
        }
    }

    /** A PKCS#8 private key in PEM ("-----BEGIN PRIVATE KEY-----"), RSA for FCM, EC for APNs. */
    static PrivateKey privateKey(String pem, String algorithm) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\\\n", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(algorithm)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The configured " + algorithm + " private key cannot be read", e);
        }
    }
}
