package com.loanflow.contract.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.signatures.PdfPKCS7;
import com.itextpdf.signatures.SignatureUtil;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What iText itself reads back from a signed contract. */
class ContractSignerTest {

    @Test
    void signsAsTheBorrowerThenSealsWithAnIncrementalUpdate() throws Exception {
        try (PdfDocument pdf = open(SignedContracts.sample().pdf())) {
            SignatureUtil signatures = new SignatureUtil(pdf);
            assertThat(signatures.getSignatureNames())
                    .containsExactly(ContractSigner.BORROWER_FIELD, ContractSigner.SEAL_FIELD);
            for (String name : signatures.getSignatureNames()) {
                PdfPKCS7 signature = signatures.readSignatureData(name);
                assertThat(signature.verifySignatureIntegrityAndAuthenticity()).as(name).isTrue();
                assertThat(signature.getDigestAlgorithmName()).isEqualTo("SHA256");
                assertThat(signatures.getSignature(name).getSubFilter()).isEqualTo(PdfName.ETSI_CAdES_DETACHED);
            }
            assertThat(signatures.getRevision(ContractSigner.BORROWER_FIELD)).isEqualTo(1);
            assertThat(signatures.signatureCoversWholeDocument(ContractSigner.SEAL_FIELD)).isTrue();
        }
    }

    @Test
    void issuesTheBorrowerAOneYearSigningCertificateWithoutPlaintextPersonalData() throws Exception {
        X509Certificate borrower;
        try (PdfDocument pdf = open(SignedContracts.sample().pdf())) {
            borrower = new SignatureUtil(pdf).readSignatureData(ContractSigner.BORROWER_FIELD).getSigningCertificate();
        }
        X509Certificate root = SignedContracts.keys().rootCa().certificate();

        assertThat(borrower.getSubjectX500Principal().getName())
                .isEqualTo("CN=张* " + SignedContracts.BORROWER_ID + ",O=Loanflow,C=CN");
        assertThat(new String(borrower.getEncoded(), StandardCharsets.ISO_8859_1)).doesNotContain("110101199003078515");
        assertThat(borrower.getIssuerX500Principal()).isEqualTo(root.getSubjectX500Principal());
        borrower.verify(root.getPublicKey());
        assertThat(borrower.getKeyUsage()).startsWith(true, true, false, false, false, false);
        assertThat(borrower.getBasicConstraints()).isEqualTo(-1);
        assertThat(Duration.between(borrower.getNotBefore().toInstant(), borrower.getNotAfter().toInstant()).toDays())
                .isBetween(365L, 366L);
    }

    @Test
    void aFlippedByteFailsTheIntegrityCheck() throws Exception {
        byte[] tampered = SignedContracts.sample().pdf().clone();
        tampered[tampered.length / 3] ^= 0x01;
        try (PdfDocument pdf = open(tampered)) {
            SignatureUtil signatures = new SignatureUtil(pdf);
            for (String name : signatures.getSignatureNames()) {
                assertThat(signatures.readSignatureData(name).verifySignatureIntegrityAndAuthenticity()).as(name).isFalse();
            }
        }
    }

    private static PdfDocument open(byte[] pdf) throws Exception {
        return new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)));
    }
}
