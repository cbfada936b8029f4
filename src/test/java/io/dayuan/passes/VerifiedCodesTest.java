package io.dayuan.passes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.passes.code.PassCode;
import io.dayuan.passes.code.VerifiedCodes;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class VerifiedCodesTest {

    @Inject
    VerifiedCodes verifiedCodes;

    @Inject
    PassFixtures fixtures;

    private PassCode verify(String text) {
        return verifiedCodes.verify(text).await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void aCodeIsVerifiedOnceAndAForgeryNever() {
        String code = fixtures.issue(fixtures.site()[0], false).getString("data.issuePass.code");

        PassCode first = verify(code);
        assertThat(first).isNotNull();
        // the second scan of the printed code gets what the first verification found, not a new verification
        assertThat(verify(code)).isSameAs(first);

        // the same code with its last signature character changed: a new text, verified, and refused
        char last = code.charAt(code.length() - 1);
        String forged = code.substring(0, code.length() - 1) + (last == '0' ? '1' : '0');
        assertThat(verify(forged)).isNull();
        assertThat(verify(forged)).isNull();
    }
}
