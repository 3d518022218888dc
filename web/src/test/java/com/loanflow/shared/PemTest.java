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
        assertThat(Pem.isBundled("file:" + publicFile)).as("a copy of a sandbox key is as public").isTrue();
        assertThat(Pem.isBundled("sandbox/keys/channel-public.pem")).isTrue();
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Path own = dir.resolve("own-public.pem");
        Files.writeString(own, "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(
                generator.generateKeyPair().getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        assertThat(Pem.isBundled("file:" + own)).as("this deployment's own key").isFalse();
        assertThat(Pem.publicKey(Pem.load("file:" + own))).isNotNull();
        assertThat(Pem.isBundled("classpath:sandbox/keys/channel-public.pem")).isTrue();
        assertThatThrownBy(() -> Pem.load("file:" + dir.resolve("missing.pem")))
                .hasMessageContaining("Cannot read key file");
    }
}
