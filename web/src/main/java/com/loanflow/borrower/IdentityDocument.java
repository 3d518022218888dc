package com.loanflow.borrower;

import java.time.LocalDateTime;

/** ID card front and selfie images, each AES-GCM encrypted (base64 of the sealed bytes). */
public record IdentityDocument(String borrowerId, String idCardFrontEnc, String selfieEnc, LocalDateTime submittedAt) {

    public static final String TABLE = "identity_document";
}
