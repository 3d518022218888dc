package com.loanflow.workers.identity.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngTextChunksTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void idCardFrontCarriesItsFieldsAsUtf8JsonInARealPng() throws Exception {
        byte[] png = SandboxIdCard.renderFront("张三", "110101199003070011", "北京市东城区示例路1号");

        assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isEqualTo(856);
        JsonNode card = json.readTree(PngTextChunks.read(png).get(SandboxIdCard.CARD_CHUNK));
        assertThat(card.path("name").asText()).isEqualTo("张三");
        assertThat(card.path("idNumber").asText()).isEqualTo("110101199003070011");
        assertThat(card.path("address").asText()).isEqualTo("北京市东城区示例路1号");
        assertThat(card.path("issuedBy").asText()).isNotBlank();
        assertThat(card.path("validUntil").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void selfieCarriesItsSeedAndLiveness() throws Exception {
        JsonNode selfie = json.readTree(PngTextChunks.read(SandboxIdCard.renderSelfie(7)).get(SandboxIdCard.SELFIE_CHUNK));

        assertThat(selfie.path("seed").asLong()).isEqualTo(7);
        assertThat(selfie.path("liveness").decimalValue()).isEqualByComparingTo(SandboxLiveness.scoreForSeed(7));
    }

    @Test
    void rejectsAFileThatIsNotAPng() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
        assertThatThrownBy(() -> PngTextChunks.read(jpeg)).isInstanceOf(PngTextChunks.NotAPng.class)
                .hasMessageContaining("not a PNG");
    }

    @Test
    void rejectsAPngWithACorruptedChunk() {
        byte[] png = SandboxIdCard.renderFront("张三", "110101199003070011", "北京市");
        byte[] corrupted = Arrays.copyOf(png, png.length);
        corrupted[60] ^= 0x01; // inside the text chunk that follows IHDR
        assertThatThrownBy(() -> PngTextChunks.read(corrupted)).hasMessageContaining("CRC");
    }

    @Test
    void rejectsATruncatedPng() {
        byte[] png = SandboxIdCard.renderSelfie(7);
        assertThatThrownBy(() -> PngTextChunks.read(Arrays.copyOf(png, png.length - 20)))
                .isInstanceOf(PngTextChunks.NotAPng.class);
    }

    @Test
    void rejectsFilesOverTwoMegabytes() {
        byte[] png = SandboxIdCard.renderSelfie(7);
        byte[] huge = Arrays.copyOf(png, PngTextChunks.MAX_BYTES + 1);
        assertThatThrownBy(() -> PngTextChunks.read(huge)).hasMessageContaining("larger than");
    }
}
