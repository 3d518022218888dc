package com.loanflow.contract;

import java.time.LocalDateTime;

/** A rendered contract; its PDF is encrypted (it names the borrower) and its SHA-256 pins the bytes. */
public record LoanContract(String id, String applicationId, String contractNumber, String templateVersion,
                           String pdfEnc, String pdfSha256, ContractStatus status, LocalDateTime createdAt,
                           LocalDateTime signedAt, String signedIp, int version) {

    public static final String TABLE = "loan_contract";

    public enum ContractStatus { PENDING_SIGNATURE, SIGNED }
}
