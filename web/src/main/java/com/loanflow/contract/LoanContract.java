package com.loanflow.contract;

import java.time.LocalDateTime;

/**
 * A rendered contract; its PDF is encrypted (it names the borrower) and its SHA-256 pins the bytes. Once signed,
 * the signed PDF (borrower signature + platform seal) is stored beside it, also encrypted, and never changes.
 */
public record LoanContract(String id, String applicationId, String contractNumber, String templateVersion,
                           String pdfEnc, String pdfSha256, ContractStatus status, LocalDateTime createdAt,
                           LocalDateTime signedAt, String signedIp, String signedPdfEnc, String signedPdfSha256,
                           String borrowerCertSerial, int version) {

    public static final String TABLE = "loan_contract";

    public enum ContractStatus { PENDING_SIGNATURE, SIGNED }

    boolean isSigned() {
        return signedPdfEnc != null;
    }
}
