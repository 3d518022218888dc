package com.loanflow.contract.template;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything printed in a loan contract. {@code aprPercent} is the nominal rate the schedule is computed at;
 * {@code irrAprPercent} the APR disclosed as the IRR of the actual cash flows (payout net of {@code serviceFee}
 * out, installments in); {@code penaltyDailyRatePercent} the daily rate on overdue principal. The borrower's full name and ID number appear in the PDF (the contract is
 * a legal document); the PDF is stored encrypted by the platform.
 */
public record ContractContent(String contractNumber, LocalDate contractDate, String lenderName, String borrowerName,
                              String borrowerIdNumber, String borrowerMaskedPhone, String bankCardMasked,
                              BigDecimal principal, int termMonths, BigDecimal aprPercent, BigDecimal totalInterest,
                              BigDecimal totalRepayment, List<ScheduleLine> schedule, List<AgreementRef> agreements,
                              BigDecimal serviceFee, BigDecimal irrAprPercent, BigDecimal penaltyDailyRatePercent) {
}
