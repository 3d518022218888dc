package com.loanflow.contract.signing;

import com.loanflow.contract.template.ContractRenderer;
import com.loanflow.contract.template.SampleContracts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** One sandbox keystore and one signed sample contract per test run; signing is slow enough to share. */
final class SignedContracts {

    static final String BORROWER_ID = "4f1c2d3e-0000-4000-8000-00000000b001";
    static final Path KEYSTORE = Path.of("target", "test-keys", "esign.p12");

    private static SigningKeys keys;
    private static ContractSigner.SignedContract sample;

    private SignedContracts() {
    }

    static synchronized SigningKeys keys() {
        if (keys == null) {
            keys = Pkcs12SigningKeys.openOrCreate(KEYSTORE, "test-password".toCharArray());
        }
        return keys;
    }

    /** The sample contract as rendered, before anyone signs it. */
    static byte[] renderedSample() {
        return ContractRenderer.loadDefault().render(SampleContracts.sixMonthLoan());
    }

    static synchronized ContractSigner.SignedContract sample() {
        if (sample == null) {
            byte[] pdf = ContractRenderer.loadDefault().render(SampleContracts.sixMonthLoan());
            sample = new ContractSigner(keys(), Clock.systemUTC()).sign(pdf, "张*", BORROWER_ID);
        }
        return sample;
    }

    static Path write(byte[] pdf, String name) {
        try {
            Path file = Path.of("target", "signed-contracts", name);
            Files.createDirectories(file.getParent());
            return Files.write(file, pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
