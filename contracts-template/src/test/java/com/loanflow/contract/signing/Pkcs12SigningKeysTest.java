package com.loanflow.contract.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Pkcs12SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void generatesTheRootCaAndSealOnFirstStartAndReusesThemAfterwards() throws Exception {
        Path keystore = dir.resolve("keys/esign.p12");
        SigningKeys first = Pkcs12SigningKeys.openOrCreate(keystore, "pw".toCharArray());
        SigningKeys second = Pkcs12SigningKeys.openOrCreate(keystore, "pw".toCharArray());

        assertThat(Files.exists(keystore)).isTrue();
        X509Certificate root = first.rootCa().certificate();
        assertThat(root.getSubjectX500Principal().getName()).isEqualTo("CN=Loanflow Sandbox Root CA,O=Loanflow,C=CN");
        assertThat(root.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(second.rootCa().certificate()).isEqualTo(root);
        assertThat(second.platformSeal().chain()).containsExactly(first.platformSeal().chain());
        assertThat(first.platformSeal().chain()[1]).isEqualTo(root);
        first.platformSeal().certificate().verify(root.getPublicKey());
    }

    @Test
    void refusesAWrongPassword() {
        Path keystore = dir.resolve("esign.p12");
        Pkcs12SigningKeys.openOrCreate(keystore, "right".toCharArray());

        assertThatThrownBy(() -> Pkcs12SigningKeys.openOrCreate(keystore, "wrong".toCharArray()))
                .isInstanceOf(IllegalStateException.class);
    }
}
