package com.loanflow.privacy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The borrower's own records across the platform's tables, read for their data export (PIPL art. 45, ADR 0027). Only
 * display forms of personal data are read (masks), never ciphertext.
 */
@Mapper
public interface DataExportMapper {

    record ConsentRow(String consentType, String agreementVersion, String documentSha256, String clientIp,
                      String userAgent, LocalDateTime consentedAt, LocalDateTime withdrawnAt) {
    }

    record ApplicationRow(String id, LocalDateTime createdAt, String clientIp, BigDecimal requestedAmount, int termMonths,
                          String bankCardMasked, String purpose, String status, String reasonCodes,
                          BigDecimal approvedAmount, BigDecimal aprPercent) {
    }

    record ContractRow(String applicationId, String contractNumber, String templateVersion, String pdfSha256,
                       String status, LocalDateTime signedAt, String signedIp, String signedPdfSha256) {
    }

    record DecisionRow(String applicationId, String outcome, BigDecimal defaultProbability, String riskTier,
                       String adverseFactors, String modelVersion, String strategyName, LocalDateTime decidedAt) {
    }

    record ReviewRow(String applicationId, String decision, LocalDateTime decidedAt) {
    }

    record CreditQueryRow(String applicationId, String purpose, String agreementVersion, boolean cacheHit,
                          LocalDateTime queriedAt) {
    }

    record LoanRow(String id, String applicationId, BigDecimal principal, BigDecimal aprPercent, int termMonths,
                   String status, LocalDateTime disbursedAt, LocalDateTime settledAt) {
    }

    record InstallmentRow(String loanId, int seq, LocalDate dueDate, BigDecimal principalDue, BigDecimal interestDue,
                          BigDecimal penaltyDue, BigDecimal principalPaid, BigDecimal interestPaid,
                          BigDecimal penaltyPaid, String status) {
    }

    record RepaymentRow(String loanId, String id, String method, BigDecimal amount, String status,
                        LocalDateTime receivedAt, java.time.LocalDate valueDate, BigDecimal penaltyWaived) {
    }

    record DeviceEventRow(String eventType, String ipRegion, LocalDateTime occurredAt) {
    }

    List<ConsentRow> consents(@Param("borrowerId") String borrowerId);

    List<ApplicationRow> applications(@Param("borrowerId") String borrowerId);

    List<DecisionRow> decisions(@Param("borrowerId") String borrowerId);

    List<ContractRow> contracts(@Param("borrowerId") String borrowerId);

    List<ReviewRow> reviews(@Param("borrowerId") String borrowerId);

    List<CreditQueryRow> creditQueries(@Param("borrowerId") String borrowerId);

    List<LoanRow> loans(@Param("borrowerId") String borrowerId);

    List<InstallmentRow> installments(@Param("borrowerId") String borrowerId);

    List<RepaymentRow> repayments(@Param("borrowerId") String borrowerId);

    List<DeviceEventRow> deviceEvents(@Param("borrowerId") String borrowerId);
}
