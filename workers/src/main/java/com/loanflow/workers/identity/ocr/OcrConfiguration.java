package com.loanflow.workers.identity.ocr;

import com.loanflow.workers.WorkersProperties;
import com.loanflow.workers.identity.IdCardOcr;
import com.loanflow.workers.identity.sandbox.SandboxIdCardOcr;
import com.loanflow.workers.identity.sandbox.SandboxLatency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which OCR reads ID cards ({@code loanflow.workers.ocr.engine}): tesseract, sandbox, or auto (the default) —
 * Tesseract where the command and its chi_sim model are installed, otherwise the sandbox reader, so a machine with
 * only a JDK still runs the whole flow.
 */
@Configuration(proxyBeanMethods = false)
class OcrConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OcrConfiguration.class);

    @Bean
    IdCardOcr idCardOcr(WorkersProperties properties, SandboxLatency latency) {
        WorkersProperties.Ocr ocr = properties.workers().ocr();
        TesseractCommand tesseract = new TesseractCommand(ocr.tesseractCommand(), ocr.timeout());
        switch (ocr.engine()) {
            case "sandbox" -> {
                log.info("ID card OCR: sandbox (reads the card's loanflow-sandbox-card chunk)");
                return new SandboxIdCardOcr(latency);
            }
            case "tesseract" -> {
                if (!tesseract.available()) {
                    throw new IllegalStateException("loanflow.workers.ocr.engine=tesseract, but '"
                            + ocr.tesseractCommand() + "' with chi_sim is not installed"
                            + " (Debian: apt-get install tesseract-ocr tesseract-ocr-chi-sim)");
                }
                log.info("ID card OCR: Tesseract ({})", ocr.tesseractCommand());
                return new TesseractIdCardOcr(tesseract);
            }
            case "auto" -> {
                boolean installed = tesseract.available();
                log.info("ID card OCR: {}", installed ? "Tesseract (" + ocr.tesseractCommand() + ")"
                        : "sandbox (tesseract with chi_sim not found)");
                return installed ? new TesseractIdCardOcr(tesseract) : new SandboxIdCardOcr(latency);
            }
            default -> throw new IllegalStateException("loanflow.workers.ocr.engine must be auto, tesseract or sandbox,"
                    + " not " + ocr.engine());
        }
    }
}
