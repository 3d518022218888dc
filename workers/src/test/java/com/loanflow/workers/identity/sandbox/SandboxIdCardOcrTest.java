package com.loanflow.workers.identity.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SandboxIdCardOcrTest {

    private final SandboxIdCardOcr ocr = new SandboxIdCardOcr(SandboxLatency.none());

    @Test
    void readsNameIdNumberAndAddressFromTheCard() {
        var fields = ocr.read(SandboxIdCard.renderFront("李四", "440306199208150030", "深圳市南山区示例路2号")).orElseThrow();

        assertThat(fields.name()).isEqualTo("李四");
        assertThat(fields.idNumber()).isEqualTo("440306199208150030");
        assertThat(fields.address()).isEqualTo("深圳市南山区示例路2号");
        assertThat(fields.toString()).doesNotContain("440306199208150030");
    }

    @Test
    void cannotReadASelfieOrGarbageAsAnIdCard() {
        assertThat(ocr.read(SandboxIdCard.renderSelfie(7))).isEmpty();
        assertThat(ocr.read("hello".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ocr.read(new byte[0])).isEmpty();
    }
}
