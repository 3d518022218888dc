package com.loanflow.workers.identity.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalkthroughFilesTest {

    @Test
    void everySandboxIdentityGetsASubmissionThatPassesOcrAndLiveness(@TempDir Path dir) throws Exception {
        WalkthroughFiles.main(new String[] {dir.toString()});

        // per identity: the JSON body and its two images as PNG files (the browser walkthrough uploads those)
        assertThat(Files.list(dir)).hasSize(3 * SandboxIdentities.ALL.size());
        SandboxIdCardOcr ocr = new SandboxIdCardOcr(SandboxLatency.none());
        SandboxLiveness liveness = new SandboxLiveness(SandboxLatency.none());
        for (SandboxIdentities.Identity identity : SandboxIdentities.ALL) {
            Map<String, String> body = WalkthroughFiles.body(identity);
            var card = ocr.read(Base64.getDecoder().decode(body.get("idCardFrontImage"))).orElseThrow();
            assertThat(card.name()).isEqualTo(identity.name());
            assertThat(card.idNumber()).isEqualTo(identity.idNumber());
            assertThat(liveness.score(Base64.getDecoder().decode(body.get("selfieImage"))))
                    .isGreaterThanOrEqualTo(new BigDecimal("0.80"));
            String file = WalkthroughFiles.FILE_NAMES.get(identity.name());
            assertThat(dir.resolve(file + "-id-front.png"))
                    .hasBinaryContent(Base64.getDecoder().decode(body.get("idCardFrontImage")));
            assertThat(dir.resolve(file + "-selfie.png")).hasBinaryContent(Base64.getDecoder().decode(body.get("selfieImage")));
        }
    }
}
