package io.dayuan.deploy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;

/**
 * For {@code @QuarkusIntegrationTest}s only: runs the packaged application as the contract says it must be able to
 * run, with no identity provider reachable and only {@code QUARKUS_OIDC_PUBLIC_KEY} and
 * {@code QUARKUS_OIDC_TOKEN_ISSUER} set. The test signs its tokens with the matching private key.
 */
public class PublicKeyIdentityResource implements QuarkusTestResourceLifecycleManager {

    static final String ISSUER = "https://id.example.invalid/realms/dayuan";
    private static KeyPair keys;

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.public-key", Base64.getEncoder().encodeToString(keys().getPublic().getEncoded()),
                "quarkus.oidc.token.issuer", ISSUER);
    }

    @Override
    public void stop() {
    }

    /** A token shaped like Keycloak's for the dayuan realm: roles in {@code groups}. */
    static String token(String subject, String name, String phone, Collection<String> roles) {
        var claims = Jwt.issuer(ISSUER).subject(subject).claim("name", name).groups(new HashSet<>(roles))
                .expiresIn(600);
        if (phone != null) {
            claims.claim("phone_number", phone);
        }
        return claims.sign(keys().getPrivate());
    }

    private static synchronized KeyPair keys() {
        if (keys == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                keys = generator.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return keys;
    }
}
