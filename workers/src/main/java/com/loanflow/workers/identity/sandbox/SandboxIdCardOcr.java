package com.loanflow.workers.identity.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.workers.identity.IdCardOcr;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sandbox OCR: "recognises" an ID card by reading the {@value SandboxIdCard#CARD_CHUNK} chunk of a real PNG file.
 * Anything else (not a PNG, bad CRC, over 2 MB, no chunk, missing fields) is unreadable, as for a blurred photo.
 * The OCR of hosts without Tesseract (see OcrConfiguration).
 */
public class SandboxIdCardOcr implements IdCardOcr {

    private static final Logger log = LoggerFactory.getLogger(SandboxIdCardOcr.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SandboxLatency latency;

    public SandboxIdCardOcr(SandboxLatency latency) {
        this.latency = latency;
    }

    @Override
    public Optional<Fields> read(byte[] image) {
        latency.await();
        try {
            String text = PngTextChunks.read(image).get(SandboxIdCard.CARD_CHUNK);
            if (text == null) {
                log.info("Sandbox OCR: PNG without the {} chunk", SandboxIdCard.CARD_CHUNK);
                return Optional.empty();
            }
            JsonNode card = JSON.readTree(text);
            Fields fields = new Fields(card.path("name").asText(null), card.path("idNumber").asText(null),
                    card.path("address").asText(null), card.path("issuedBy").asText(null),
                    card.path("validUntil").asText(null));
            return fields.name() == null || fields.idNumber() == null ? Optional.empty() : Optional.of(fields);
        } catch (PngTextChunks.NotAPng e) {
            log.info("Sandbox OCR: image refused: {}", e.getMessage());
            return Optional.empty();
        } catch (IOException e) {
            log.info("Sandbox OCR: card chunk is not JSON");
            return Optional.empty();
        }
    }
}
