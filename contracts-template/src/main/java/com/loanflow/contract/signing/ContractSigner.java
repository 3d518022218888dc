package com.loanflow.contract.signing;

import com.itextpdf.signatures.ITSAClient;
import com.loanflow.contract.template.ContractRenderer;
import java.time.Clock;
import java.time.Instant;

/**
 * Signs a rendered contract: first the borrower (certificate issued for this signing), then the platform's seal,
 * time-stamped by a TSA when one is configured (PAdES baseline-T: the signing time is then attested by a third
 * party, not only claimed by the platform; the seal's token covers the borrower's signature too).
 */
public final class ContractSigner {

    public static final String BORROWER_FIELD = ContractRenderer.BORROWER_SIGNATURE_FIELD;
    public static final String SEAL_FIELD = ContractRenderer.PLATFORM_SEAL_FIELD;
    private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss '(UTC+8)'").withZone(java.time.ZoneId.of("Asia/Shanghai"));

    /** The signed PDF and the serial number of the borrower's certificate, for the record. */
    public record SignedContract(byte[] pdf, String borrowerCertificateSerial) {
    }

    private final SigningKeys keys;
    private final BorrowerCertificates borrowerCertificates;
    private final Clock clock;
    private final ITSAClient timestamps;

    public ContractSigner(SigningKeys keys, Clock clock) {
        this(keys, clock, null);
    }

    /** @param timestamps the TSA for the seal's time-stamp, or null for none (baseline-B) */
    public ContractSigner(SigningKeys keys, Clock clock, ITSAClient timestamps) {
        this.keys = keys;
        this.borrowerCertificates = new BorrowerCertificates(keys, clock);
        this.clock = clock;
        this.timestamps = timestamps;
    }

    /** @param borrowerMaskedName e.g. 张*; the plaintext name and ID number never enter a certificate */
    public SignedContract sign(byte[] pdf, String borrowerMaskedName, String borrowerId) {
        Instant now = clock.instant();
        SigningCredential borrower = borrowerCertificates.issue(borrowerMaskedName, borrowerId);
        byte[] signedByBorrower = PadesSigner.sign(pdf, borrower,
                new PadesSigner.Signature(BORROWER_FIELD, "借款人确认并签署本合同（短信验证码已验证）", "Loanflow", now,
                        "借款人 " + borrowerMaskedName + "（短信验证码电子签名）\n" + SHOWN.format(now)));
        byte[] sealed = PadesSigner.sign(signedByBorrower, keys.platformSeal(),
                new PadesSigner.Signature(SEAL_FIELD, "平台电子签章", "Loanflow", now,
                        "Loanflow 平台电子签章\n" + SHOWN.format(now)), timestamps);
        return new SignedContract(sealed, borrower.certificate().getSerialNumber().toString(16));
    }
}
