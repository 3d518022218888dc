package com.loanflow.contract.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Poppler's pdfsig is an independent verifier (NSS, not iText/BouncyCastle). The sandbox root is not in its trust
 * store, so it reports "Certificate issuer isn't Trusted"; what we assert is the signatures and the byte ranges.
 */
class PdfsigVerificationTest {

    private static final Path PDFSIG = Path.of("/usr/bin/pdfsig");

    @BeforeAll
    static void pdfsigIsInstalled() {
        assumeTrue(Files.isExecutable(PDFSIG), "poppler-utils (pdfsig) is not installed");
    }

    @Test
    void reportsTheBorrowerSignatureAndThePlatformSealValidWithTheDocumentUnmodified() throws Exception {
        byte[] signed = SignedContracts.sample().pdf();
        String report = pdfsig(SignedContracts.write(signed, "signed-contract.pdf"));

        String[] signatures = report.split("Signature #\\d+:");
        assertThat(signatures).hasSize(3);
        String borrower = signatures[1];
        String seal = signatures[2];
        assertThat(borrower).contains("Signature Field Name: " + ContractSigner.BORROWER_FIELD)
                .contains("Signer Certificate Common Name: 张* " + SignedContracts.BORROWER_ID)
                .contains("Signing Hash Algorithm: SHA-256").contains("Signature Type: ETSI.CAdES.detached")
                .contains("Signature Validation: Signature is Valid.");
        assertThat(seal).contains("Signature Field Name: " + ContractSigner.SEAL_FIELD)
                .contains("Signer Certificate Common Name: " + Pkcs12SigningKeys.SEAL_NAME)
                .contains("Signature Type: ETSI.CAdES.detached")
                .contains("Signature Validation: Signature is Valid.")
                .contains("Total document signed").doesNotContain("Not total document signed");
        // the borrower's signature covers its whole revision: only the seal's incremental update follows
        String firstRevision = new String(signed, 0, lastRangeEnd(borrower), StandardCharsets.ISO_8859_1);
        assertThat(firstRevision).endsWith("%%EOF\n");
    }

    @Test
    void reportsADigestMismatchWhenOneByteOfTheContractChanges() throws Exception {
        byte[] tampered = SignedContracts.sample().pdf().clone();
        tampered[tampered.length / 3] ^= 0x01; // inside the contract body both signatures cover
        String report = pdfsig(SignedContracts.write(tampered, "tampered-contract.pdf"));

        assertThat(report).doesNotContain("Signature is Valid");
        assertThat(report.split("Digest Mismatch", -1)).hasSize(3);
    }

    private static int lastRangeEnd(String signatureReport) {
        Matcher ranges = Pattern.compile("Signed Ranges: \\[\\d+ - \\d+], \\[\\d+ - (\\d+)]").matcher(signatureReport);
        assertThat(ranges.find()).isTrue();
        return Integer.parseInt(ranges.group(1));
    }

    private static String pdfsig(Path pdf) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(PDFSIG.toString(), pdf.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        System.out.println(output);
        return output;
    }
}
