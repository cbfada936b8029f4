package io.dayuan.bench;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * Bearer tokens for the application started with only a public key (QUARKUS_OIDC_PUBLIC_KEY), shaped like
 * Keycloak's: roles in {@code groups}.
 */
final class Tokens {

    static final String ISSUER = "https://id.bench.invalid/realms/dayuan";
    final KeyPair keys;
    final String admin;
    final String manager;
    final String staff;
    final String guard;

    Tokens() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        admin = token("bench-admin", "管理员", "admin");
        manager = token("bench-manager", "食堂经理", "canteen-manager");
        staff = token("bench-staff", "张伟", "staff");
        guard = token("bench-guard", "孙丽", "guard");
    }

    String publicKey() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    private String token(String subject, String name, String role) {
        return Jwt.issuer(ISSUER).subject(subject).claim("name", name).groups(Set.of(role)).expiresIn(6 * 3600)
                .sign(keys.getPrivate());
    }
}
