package com.loanflow.borrower;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A borrower row: personal data only as ciphertext (_enc), blind index (_idx) and display form (_masked). */
public record Borrower(String id, String phoneEnc, String phoneIdx, String phoneMasked, String passwordHash,
                       String nameEnc, String nameMasked, String idNumberEnc, String idNumberIdx, String idNumberMasked,
                       VerificationStatus verificationStatus, BigDecimal creditLimit, LocalDateTime createdAt,
                       int version) {

    public static final String TABLE = "borrower";

    public boolean hasSubmittedIdentity() {
        return idNumberEnc != null;
    }
}
