package com.loanflow.loan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface LoanMapper {

    /**
     * @param succeededAt when the platform applied the channel's answer
     * @param paidOutOn   the day the money reached the card, as the channel dates it (null before V31)
     */
    record Payout(BigDecimal amount, BigDecimal feeAmount, java.time.LocalDateTime succeededAt,
                  java.time.LocalDate paidOutOn) {

        /** When the loan begins: the answer's time on the day the money moved, else that day's first moment. */
        public java.time.LocalDateTime paidOutAt() {
            return paidOutOn == null || paidOutOn.equals(succeededAt.toLocalDate()) ? succeededAt
                    : paidOutOn.atStartOfDay();
        }
    }

    /** One installment of an earlier loan, with what its lateness cost: overdue interest charged (after waivers). */
    /** One installment of an earlier loan, with its loan's status, settlement time and approved credit limit. */
    record EarlierInstallment(String loanId, LoanStatus loanStatus, BigDecimal aprPercent, BigDecimal principalDue,
                              BigDecimal penaltyDue, Installment.InstallmentStatus installmentStatus,
                              java.time.LocalDate dueDate, java.time.LocalDateTime settledAt, BigDecimal creditLimit) {
    }

    List<EarlierInstallment> findEarlierInstallments(@Param("borrowerId") String borrowerId,
                                                     @Param("applicationId") String applicationId,
                                                     @Param("since") java.time.LocalDateTime since);

    void insertLoan(Loan loan);

    void insertInstallment(Installment installment);

    Optional<Loan> findById(String id);

    /** The loan's committed version, read afresh (not from the transaction's MyBatis cache). */
    Optional<Integer> currentVersion(String id);

    Optional<Loan> findByApplicationId(String applicationId);

    /**
     * Ids of active loans lent before {@code lentBefore}, after {@code afterId} in id order, at most {@code limit}: the
     * nightly accrual walks all of them a page at a time (keyset), never holding every loan in memory.
     */
    List<String> findActiveIdsPage(@org.apache.ibatis.annotations.Param("lentBefore") java.time.LocalDateTime lentBefore,
                                   @org.apache.ibatis.annotations.Param("afterId") String afterId,
                                   @org.apache.ibatis.annotations.Param("limit") int limit);

    /**
     * Active loans with an installment not yet closed that falls due between the two days (inclusive): those a
     * repayment reminder can concern on a day, instead of every active loan (RepaymentReminders).
     */
    List<Loan> findActiveWithOpenInstallmentDueBetween(@Param("from") java.time.LocalDate from,
                                                       @Param("to") java.time.LocalDate to);

    List<Installment> findInstallments(String loanId);

    Optional<Payout> findPayout(String applicationId);

    int updateOutstanding(@Param("id") String id, @Param("outstandingPrincipal") BigDecimal outstandingPrincipal,
                          @Param("outstandingInterest") BigDecimal outstandingInterest,
                          @Param("outstandingPenalty") BigDecimal outstandingPenalty,
                          @Param("status") LoanStatus status, @Param("settledAt") LocalDateTime settledAt,
                          @Param("version") int version);

    int updateInstallmentPaid(@Param("id") String id, @Param("principalPaid") BigDecimal principalPaid,
                              @Param("interestPaid") BigDecimal interestPaid,
                              @Param("penaltyPaid") BigDecimal penaltyPaid,
                              @Param("interestRecognised") BigDecimal interestRecognised,
                              @Param("status") Installment.InstallmentStatus status, @Param("version") int version);

    /**
     * Early settlement of one installment: everything owed paid, interest_due lowered to the interest kept (the rest
     * waived), status SETTLED; 0 rows when it changed since it was read.
     */
    int settleInstallment(@Param("id") String id, @Param("principalPaid") BigDecimal principalPaid,
                          @Param("interestDue") BigDecimal interestDue, @Param("interestPaid") BigDecimal interestPaid,
                          @Param("penaltyPaid") BigDecimal penaltyPaid,
                          @Param("interestRecognised") BigDecimal interestRecognised, @Param("version") int version);

    /** ACTIVE → SETTLED with nothing outstanding; 0 rows when the loan changed or settled meanwhile. */
    /**
     * Claims the loan's version without changing its balances: a withholding request does, so that it and a bank
     * transfer recorded at the same time cannot both count on the same amount owed (one of them sees a new version).
     */
    int claimVersion(@Param("id") String id, @Param("version") int version);

    /**
     * A new version whatever the loan's status: recording a bank transfer does, so that a withholding quoted before
     * it (which counts pending transfers as money in flight) fails its {@link #claimVersion} and quotes again.
     */
    int bumpVersion(String id);

    /** Locks the loan's row until the transaction ends (and makes MyBatis read every row again after it). */
    String lockForUpdate(String id);

    int settleLoan(@Param("id") String id, @Param("settledAt") LocalDateTime settledAt, @Param("version") int version);

    /** Raises the installment's most days past due to {@code daysPastDue} (never lowers it). */
    int recordDaysPastDue(@Param("id") String id, @Param("daysPastDue") int daysPastDue);

    int updateInstallmentAccrual(@Param("id") String id, @Param("interestRecognised") BigDecimal interestRecognised,
                                 @Param("penaltyDue") BigDecimal penaltyDue, @Param("version") int version);

    /**
     * The days accrued for this loan from one day on and before another, oldest first (read afresh: the accrual job
     * commits alone).
     */
    List<LocalDate> findAccrualDaysBetween(@Param("loanId") String loanId, @Param("from") LocalDate from,
                                           @Param("before") LocalDate before);

    /** Lowers an installment's overdue interest (never below what was paid of it); 0 rows on a concurrent change. */
    int waiveInstallmentPenalty(@Param("id") String id, @Param("penaltyDue") BigDecimal penaltyDue,
                                @Param("status") Installment.InstallmentStatus status, @Param("version") int version);

    /**
     * The applications whose loans were settled at or after the given time and whose process has not been told yet,
     * oldest first.
     */
    /**
     * Settled loans whose process has not been told (ix_loan_settled_signal), oldest first; all of them, so that
     * processes suspended for long cannot crowd out a newer one.
     */
    List<String> findApplicationsSettledUnsignalled();

    /** The loan's process was told it is settled (or no longer waits to be). */
    int markSettledSignal(@Param("applicationId") String applicationId, @Param("at") LocalDateTime at);

    /** Throws DuplicateKeyException when the loan already accrued that day (unique loan_id, accrual_date). */
    void insertAccrual(@Param("id") String id, @Param("loanId") String loanId, @Param("day") LocalDate day,
                       @Param("interest") BigDecimal interest, @Param("penalty") BigDecimal penalty,
                       @Param("createdAt") LocalDateTime createdAt);
}
