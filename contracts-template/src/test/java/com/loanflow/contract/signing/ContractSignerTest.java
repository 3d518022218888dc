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
import java.util.Map;
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

    /**
     * The contract the borrower reads has two framed, empty signature fields; the signed one shows who signed and when
     * in those same boxes, on the same page (the text of each box is in its appearance stream, which viewers draw).
     */
    @Test
    void theSignaturesAreVisibleInTheBoxesTheBorrowerSawBeforeSigning() throws Exception {
        byte[] rendered = SignedContracts.renderedSample();
        Map<String, com.itextpdf.kernel.geom.Rectangle> before = new java.util.HashMap<>();
        try (PdfDocument pdf = open(rendered)) {
            var fields = com.itextpdf.forms.PdfAcroForm.getAcroForm(pdf, false).getAllFormFields();
            for (String name : new String[] {ContractSigner.BORROWER_FIELD, ContractSigner.SEAL_FIELD}) {
                var widget = fields.get(name).getWidgets().get(0);
                assertThat(pdf.getPageNumber(widget.getPage())).as(name).isEqualTo(pdf.getNumberOfPages());
                assertThat(widget.getRectangle().toRectangle().getWidth()).as(name).isGreaterThan(150);
                before.put(name, widget.getRectangle().toRectangle());
            }
            assertThat(new SignatureUtil(pdf).getSignatureNames()).as("nothing signed yet").isEmpty();
        }
        Map<String, String> shown = new java.util.HashMap<>();
        try (PdfDocument pdf = open(SignedContracts.sample().pdf())) {
            var fields = com.itextpdf.forms.PdfAcroForm.getAcroForm(pdf, false).getAllFormFields();
            for (String name : new String[] {ContractSigner.BORROWER_FIELD, ContractSigner.SEAL_FIELD}) {
                var widget = fields.get(name).getWidgets().get(0);
                assertThat(widget.getRectangle().toRectangle().equalsWithEpsilon(before.get(name))).as(name).isTrue();
                var appearance = (com.itextpdf.kernel.pdf.PdfStream) widget.getNormalAppearanceObject();
                assertThat(appearance).as(name + " has an appearance").isNotNull();
                var text = new com.itextpdf.kernel.pdf.canvas.parser.listener.LocationTextExtractionStrategy();
                new com.itextpdf.kernel.pdf.canvas.parser.PdfCanvasProcessor(text).processContent(appearance.getBytes(),
                        new com.itextpdf.kernel.pdf.PdfResources(appearance.getAsDictionary(
                                com.itextpdf.kernel.pdf.PdfName.Resources)));
                shown.put(name, text.getResultantText());
            }
            assertThat(shown.get(ContractSigner.BORROWER_FIELD)).contains("张*").contains("短信验证码电子签名")
                    .contains("(UTC+8)");
            assertThat(shown.get(ContractSigner.SEAL_FIELD)).contains("平台电子签章").contains("(UTC+8)");
        }
    }

    @Test
    void aNameTheFontCannotPrintIsRefusedRatherThanSignedWithABlank() {
        // 禤 is outside the GB2312 set the contract font covers (the renderer refuses such a name too)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ContractSigner(SignedContracts.keys(),
                        java.time.Clock.systemUTC()).sign(SignedContracts.renderedSample(), "禤*", SignedContracts.BORROWER_ID))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("禤");
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
