package com.loanflow.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys come from this deployment's files (file:) or, for the embedded default only, from the jar. */
class PemTest {

    @Test
    void aProvisionedKeyFileSignsWhatItsPublicHalfVerifies(@TempDir Path dir) throws Exception {
        Path privateFile = dir.resolve("channel-private.pem");
        Path publicFile = dir.resolve("channel-public.pem");
        Files.writeString(privateFile, Pem.classpath("sandbox/keys/channel-private.pem"));
        Files.writeString(publicFile, Pem.classpath("sandbox/keys/channel-public.pem"));
        byte[] body = "{\"status\":\"SUCCEEDED\"}".getBytes(StandardCharsets.UTF_8);

        String signature = Pem.sign(Pem.privateKey(Pem.load("file:" + privateFile)), body);

        assertThat(Pem.verify(Pem.publicKey(Pem.load("file:" + publicFile)), body, signature)).isTrue();
        assertThat(Pem.verify(Pem.publicKey(Pem.load("classpath:sandbox/keys/merchant-public.pem")), body, signature))
                .as("another key's signature").isFalse();
        assertThat(Pem.isBundled("file:" + publicFile)).isFalse();
        assertThat(Pem.isBundled("sandbox/keys/channel-public.pem")).isTrue();
        assertThat(Pem.isBundled("classpath:sandbox/keys/channel-public.pem")).isTrue();
        assertThatThrownBy(() -> Pem.load("file:" + dir.resolve("missing.pem")))
                .hasMessageContaining("Cannot read key file");
    }
}
