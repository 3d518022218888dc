package com.loanflow.repayment;

import java.math.BigDecimal;
import java.time.LocalDateTime;

public record Repayment(String id, String loanId, String borrowerId, String idempotencyKey, BigDecimal amount,
                        BigDecimal principalPart, BigDecimal interestPart, String status, LocalDateTime receivedAt) {
}
