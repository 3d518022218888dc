package com.loanflow.contract;

import java.time.LocalDateTime;

public record SigningCode(String applicationId, String codeHash, LocalDateTime expiresAt, int attempts,
                          LocalDateTime consumedAt, int version) {
}
