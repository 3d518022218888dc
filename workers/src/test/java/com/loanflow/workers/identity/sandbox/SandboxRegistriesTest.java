package com.loanflow.workers.identity.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.loanflow.workers.identity.ChineseIdNumber;
import com.loanflow.workers.platform.RetryableFailure;
import org.junit.jupiter.api.Test;

class SandboxRegistriesTest {

    private static final String VALID_UNKNOWN_ID = "11010519900101001"
            + ChineseIdNumber.checkCharacter("11010519900101001");

    private final SandboxPublicSecurityRegistry twoFactor = new SandboxPublicSecurityRegistry(SandboxLatency.none());
    private final SandboxCarrierRegistry carrier = new SandboxCarrierRegistry(SandboxLatency.none(), twoFactor);

    @Test
    void sandboxIdentityMatchesOnlyItsOwnName() {
        assertThat(twoFactor.matches("张三", "110101199003070011")).isTrue();
        assertThat(twoFactor.matches("李四", "110101199003070011")).isFalse();
    }

    @Test
    void unknownIdentityMatchesTwoFactorWithValidCheckDigitAndCjkName() {
        assertThat(twoFactor.matches("测试", VALID_UNKNOWN_ID)).isTrue();
        assertThat(twoFactor.matches("欧阳小明", VALID_UNKNOWN_ID)).isTrue();
        assertThat(twoFactor.matches("Test", VALID_UNKNOWN_ID)).isFalse();
        assertThat(twoFactor.matches("欧阳大小明", VALID_UNKNOWN_ID)).isFalse();
        String wrongCheckDigit = VALID_UNKNOWN_ID.substring(0, 17) + (VALID_UNKNOWN_ID.endsWith("1") ? "2" : "1");
        assertThat(twoFactor.matches("测试", wrongCheckDigit)).isFalse();
    }

    @Test
    void sandboxIdentityMatchesThreeFactorOnlyWithItsOwnPhone() {
        assertThat(carrier.matches("李四", "440306199208150030", "13800000002")).isTrue();
        assertThat(carrier.matches("李四", "440306199208150030", "13800000001")).isFalse();
        assertThat(carrier.matches("王五", "440306199208150030", "13800000002")).isFalse();
    }

    @Test
    void unknownIdentityMatchesThreeFactorWithAValidMobileThatWasNotReassigned() {
        assertThat(carrier.matches("测试", VALID_UNKNOWN_ID, "13912345678")).isTrue();
        assertThat(carrier.matches("测试", VALID_UNKNOWN_ID, "12912345678")).isFalse();
        assertThat(carrier.matches("测试", VALID_UNKNOWN_ID, "1391234567")).isFalse();
        assertThat(carrier.matches("测试", VALID_UNKNOWN_ID, "13900000000")).isFalse();
        assertThat(carrier.matches("测试", VALID_UNKNOWN_ID, "13900000009")).isFalse();
        assertThat(carrier.matches("测试", VALID_UNKNOWN_ID, "13900000010")).isTrue();
        assertThat(carrier.matches("测试", VALID_UNKNOWN_ID, "13800000001")).as("a sandbox identity's phone").isFalse();
    }

    @Test
    void documentedPhoneTimesOutOnceThenAnswers() {
        assertThatThrownBy(() -> carrier.matches("测试", VALID_UNKNOWN_ID, "13800000099"))
                .isInstanceOf(RetryableFailure.class).hasMessageContaining("timeout");
        assertThat(carrier.matches("测试", VALID_UNKNOWN_ID, "13800000099")).isTrue();
    }

    @Test
    void documentedPhoneOfADownProviderTimesOutEveryTimeWithoutShowingTheNumber() {
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> carrier.matches("测试", VALID_UNKNOWN_ID, "13800000098"))
                    .isInstanceOf(RetryableFailure.class).hasMessageContaining("timeout")
                    .hasMessageNotContaining("13800000098");
        }
    }

    @Test
    void documentedLatePhoneIsAnsweredAfterTheLateDelay() {
        long started = System.nanoTime();
        assertThat(carrier.matches("测试", VALID_UNKNOWN_ID, "13800000097")).isTrue();
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
                .isGreaterThanOrEqualTo(SandboxCarrierRegistry.LATE_ANSWER);
    }

    @Test
    void sequenceNumber997FindsTheRegistryDownOnceAnd998EveryTime() {
        String once = idNumber("11010519900307997");
        String always = idNumber("11010519900307998");
        assertThatThrownBy(() -> twoFactor.matches("测试", once)).isInstanceOf(RetryableFailure.class)
                .hasMessageContaining("unavailable");
        assertThat(twoFactor.matches("测试", once)).isTrue();
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> twoFactor.matches("测试", always)).isInstanceOf(RetryableFailure.class);
        }
    }

    private static String idNumber(String first17) {
        return first17 + com.loanflow.workers.identity.ChineseIdNumber.checkCharacter(first17);
    }
}
