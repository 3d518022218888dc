package com.loanflow.repayment;

import java.math.BigDecimal;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface RepaymentMapper {

    void insert(Repayment repayment);

    Optional<Repayment> findById(String id);

    /** The repayment as committed now, its row locked to the end of the transaction (never a cached copy). */
    Optional<Repayment> findByIdForUpdate(String id);

    Optional<Repayment> findByIdempotencyKey(@Param("borrowerId") String borrowerId, @Param("key") String key);

    /** Read afresh: a concurrent recording of the same statement line must be seen once it committed. */
    Optional<Repayment> findByBankReference(String bankReference);

    /** Money for finance to act on: refunds due, legacy DIRECT rows, bank transfers awaiting a second operator. */
    java.util.List<Repayment> findNeedingAttention(@Param("limit") int limit);

    /** Bank transfers recorded and not yet approved or rejected for this loan, other than the one given (or null). */
    BigDecimal sumPendingTransfers(@Param("loanId") String loanId, @Param("excludingId") String excludingId);

    /**
     * A pending bank transfer → APPLIED (with its split), REFUND_DUE or REJECTED, by an operator other than the one who
     * recorded it; 0 rows when it is no longer pending or the decider is the recorder. amount: what this row now
     * stands for (less than recorded when the excess became a REFUND_DUE row of its own).
     */
    int decideTransfer(@Param("id") String id, @Param("status") String status, @Param("amount") BigDecimal amount,
                       @Param("principalPart") BigDecimal principalPart, @Param("interestPart") BigDecimal interestPart,
                       @Param("penaltyPart") BigDecimal penaltyPart, @Param("penaltyWaived") BigDecimal penaltyWaived,
                       @Param("decidedBy") String decidedBy, @Param("decidedAt") java.time.LocalDateTime decidedAt);

    /** REFUND_DUE → REFUNDED; 0 rows when it is not REFUND_DUE. */
    int markRefunded(@org.apache.ibatis.annotations.Param("id") String id);

    /**
     * PENDING → APPLIED with its split, or PENDING → FAILED or REFUND_DUE; 0 rows when it is no longer PENDING. The
     * value date is the day the withholding was requested, or the day the channel confirmed it if that is the same
     * day or a REFUND_DUE (null when no money arrived); penaltyWaived the overdue interest it waived by being dated back.
     */
    int settlePending(@Param("id") String id, @Param("status") String status,
                      @Param("principalPart") BigDecimal principalPart, @Param("interestPart") BigDecimal interestPart,
                      @Param("penaltyPart") BigDecimal penaltyPart, @Param("penaltyWaived") BigDecimal penaltyWaived,
                      @Param("valueDate") java.time.LocalDate valueDate);
}
