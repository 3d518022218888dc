package com.loanflow.contract.signing;

import com.itextpdf.forms.form.element.SignatureFieldAppearance;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.crypto.DigestAlgorithms;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.loanflow.contract.template.ContractRenderer;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.signatures.BouncyCastleDigest;
import com.itextpdf.signatures.ITSAClient;
import com.itextpdf.signatures.PdfSigner;
import com.itextpdf.signatures.PrivateKeySignature;
import com.itextpdf.signatures.SignerProperties;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * One PAdES signature (SHA-256, ETSI.CAdES.detached), appended as an incremental update: baseline-B, or baseline-T
 * when a time-stamping authority is given (its RFC 3161 token over the signature value, as an unsigned attribute).
 */
final class PadesSigner {

    /** @param appearance the text shown in the signature's box on the page (null: an invisible signature) */
    record Signature(String fieldName, String reason, String location, Instant signedAt, String appearance) {

        Signature(String fieldName, String reason, String location, Instant signedAt) {
            this(fieldName, reason, location, signedAt, null);
        }
    }

    /** The contract's font, read once: the appearance text is Chinese. */
    private static final byte[] FONT = readFont();

    private PadesSigner() {
    }

    static byte[] sign(byte[] pdf, SigningCredential signer, Signature signature) {
        return sign(pdf, signer, signature, null);
    }

    static byte[] sign(byte[] pdf, SigningCredential signer, Signature signature, ITSAClient timestamps) {
        ByteArrayOutputStream signed = new ByteArrayOutputStream(pdf.length + 32_768);
        try {
            // append mode: earlier signatures keep covering exactly the bytes they signed
            PdfSigner pdfSigner = new PdfSigner(new PdfReader(new ByteArrayInputStream(pdf)), signed,
                    new StampingProperties().useAppendMode());
            SignerProperties properties = new SignerProperties().setFieldName(signature.fieldName())
                    .setReason(signature.reason()).setLocation(signature.location())
                    .setClaimedSignDate(calendar(signature.signedAt()));
            if (signature.appearance() != null) {
                // drawn in the contract's (empty) field of that name, where the borrower saw the box before signing
                SignatureFieldAppearance appearance = new SignatureFieldAppearance(SignerProperties.IGNORED_ID);
                appearance.setContent(signature.appearance());
                PdfFont font = PdfFontFactory.createFont(FONT, PdfEncodings.IDENTITY_H,
                        PdfFontFactory.EmbeddingStrategy.FORCE_EMBEDDED);
                // a character the font lacks would leave a blank in the box: refuse, as the renderer does
                signature.appearance().codePoints().filter(c -> !Character.isWhitespace(c) && !font.containsGlyph(c))
                        .findFirst().ifPresent(c -> {
                            throw new IllegalArgumentException("signature font has no glyph for '"
                                    + Character.toString(c) + "'");
                        });
                appearance.setFont(font);
                appearance.setFontSize(8);
                appearance.setFontColor(ColorConstants.BLACK);
                properties.setSignatureAppearance(appearance);
            }
            pdfSigner.setSignerProperties(properties);
            pdfSigner.signDetached(new BouncyCastleDigest(),
                    new PrivateKeySignature(signer.key(), DigestAlgorithms.SHA256, null), signer.chain(), null, null,
                    timestamps, 0, PdfSigner.CryptoStandard.CADES);
            return signed.toByteArray();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign field " + signature.fieldName(), e);
        }
    }

    private static byte[] readFont() {
        try (var in = PadesSigner.class.getResourceAsStream(ContractRenderer.SIGNATURE_FONT)) {
            if (in == null) {
                throw new IllegalStateException("font " + ContractRenderer.SIGNATURE_FONT + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Calendar calendar(Instant instant) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }
}
