package com.loanflow.contract.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second, independent reader (poppler) must see the same Chinese text; skipped where poppler-utils is absent. */
class PdftotextReadabilityTest {

    @Test
    void popplerReadsTheChineseText(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("pdftotext"), "pdftotext (poppler-utils) not installed");
        Path pdf = dir.resolve("contract.pdf");
        Files.write(pdf, ContractRenderer.loadDefault().render(SampleContracts.sixMonthLoan()));

        Process pdftotext = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-")
                .redirectErrorStream(true).start();
        String text = new String(pdftotext.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(pdftotext.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(pdftotext.exitValue()).isZero();
        assertThat(text).contains("借款合同", "张伟", "人民币壹仟元整", "1,000.00", "18.00%", "《中华人民共和国电子签名法》");
    }

    private static boolean onPath(String binary) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, binary)));
    }
}
