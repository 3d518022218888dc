package com.loanflow.workers.identity.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import com.loanflow.workers.identity.sandbox.SandboxIdCard;
import com.loanflow.workers.identity.sandbox.SandboxIdentities;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sandbox identities' clean cards (what the end-to-end tests upload) read exactly; garbage reads as nothing. */
class TesseractIdCardOcrTest {

    static TesseractIdCardOcr ocr;

    @BeforeAll
    static void tesseractInstalled() {
        TesseractCommand command = new TesseractCommand("tesseract", Duration.ofSeconds(30));
        Assumptions.assumeTrue(command.available(), "tesseract with chi_sim is not installed");
        ocr = new TesseractIdCardOcr(command);
    }

    @Test
    void readsEverySandboxIdentitysCleanCardExactly() {
        for (SandboxIdentities.Identity identity : SandboxIdentities.ALL) {
            var fields = ocr.read(SandboxIdCard.renderFront(identity.name(), identity.idNumber(), "北京市东城区示例路1号"))
                    .orElseThrow(() -> new AssertionError("unreadable card of " + identity.name()));
            assertThat(fields.name()).isEqualTo(identity.name());
            assertThat(fields.idNumber()).isEqualTo(identity.idNumber());
            assertThat(fields.address()).isEqualTo("北京市东城区示例路1号");
            assertThat(fields.validUntil()).isEqualTo("2036-12-31");
        }
    }

    @Test
    void aSelfieOrGarbageIsNoIdCard() {
        assertThat(ocr.read(SandboxIdCard.renderSelfie(7))).isEmpty();
        assertThat(ocr.read("not an image".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ocr.read(new byte[0])).isEmpty();
    }
}
