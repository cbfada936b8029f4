package io.dayuan.dev;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Signs tokens in dev mode and tests, where no identity provider runs. Not part of the prod build.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class DevTokenIssuer {

    static final Duration LIFETIME = Duration.ofHours(12);

    @ConfigProperty(name = DevEnvironmentConfig.SIGNING_KEY)
    Optional<String> signingKey;

    public boolean isAvailable() {
        return signingKey.isPresent();
    }

    /** A token as Keycloak would issue it for the person: {@code sub}, {@code name}, {@code groups}, ... */
    public String issue(String subject, String name, String phone, Collection<String> roles, String locale) {
        return issue(subject, name, phone, roles, locale, Map.of());
    }

    /** The same, with further claims (e.g. the DingTalk user id Keycloak maps from its identity provider). */
    public String issue(String subject, String name, String phone, Collection<String> roles, String locale,
            Map<String, String> more) {
        JwtClaimsBuilder claims = Jwt.issuer(DevEnvironmentConfig.ISSUER)
                .subject(subject)
                .claim("name", name)
                .groups(new HashSet<>(roles))
                .expiresIn(LIFETIME);
        if (phone != null) {
            claims.claim("phone_number", phone);
        }
        if (locale != null) {
            claims.claim("locale", locale);
        }
        more.forEach(claims::claim);
        return claims.sign(privateKey());
    }

    private PrivateKey privateKey() {
        try {
            byte[] encoded = Base64.getDecoder().decode(signingKey.orElseThrow(
                    () -> new IllegalStateException("No dev signing key: an identity provider is configured")));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
