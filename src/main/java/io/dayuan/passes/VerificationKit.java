package io.dayuan.passes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import io.dayuan.gates.Gate;

@Description("What a guard's phone needs to verify codes offline at a site (see PASS_CODE.md)")
public record VerificationKit(@NonNull List<@NonNull VerificationKey> keys, @NonNull List<@NonNull Gate> gates,
        @Description("Passes of the site revoked entirely: all of them, or those revoked since sinceVersion")
        @NonNull @Id List<@NonNull UUID> revokedPassIds,
        @Description("Passes re-issued (since sinceVersion): their codes below the generation are revoked")
        @NonNull List<@NonNull ReissuedPass> reissuedPasses,
        @Description("The version to ask from next time (sinceVersion)") @NonNull int revocationVersion,
        @Description("True when the lists are complete, false when they are the changes since sinceVersion")
        @NonNull boolean complete,
        @Description("The site's tag in codes: hex of the first 8 bytes of SHA-256 over the site id's 16 bytes")
        @NonNull String siteTag,
        @Description("How far a code's window is stretched for clock differences, in seconds")
        @NonNull int clockToleranceSeconds,
        @NonNull OffsetDateTime serverTime) {

    @Description("A public key that pass codes are verified with")
    public record VerificationKey(@NonNull String kid,
            @Description("Always Ed25519") @NonNull String algorithm,
            @Description("Base64 of the raw 32-byte public key") @NonNull String publicKey) {
    }

    @Description("A re-issued pass: its codes of a lower generation scan REVOKED")
    public record ReissuedPass(@NonNull @Id UUID passId, @NonNull int generation) {
    }
}
