package com.loanflow.operations;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** One read of the counts operations are alerted on (ADR 0025); every query is a COUNT or MIN on an indexed column. */
@Mapper
public interface OperationalGaugesMapper {

    /** Counts, and the oldest timestamps of what waits (null when nothing waits). */
    record Snapshot(long payoutsStuck, long payoutsSucceededLastHour, long payoutsFailedLastHour,
                    long withholdingsStuck, long paymentCallbackConflicts, long reconciliationMismatchesOpen,
                    LocalDateTime lastReconciliationAt, long refundsDue, LocalDateTime oldestRefundDueAt,
                    long refundsAwaitingApproval, long bankTransfersPending, LocalDateTime oldestBankTransferAt,
                    long applicationsInReview, LocalDateTime oldestInReviewAt, long installmentsOverdue,
                    long remindersFailedLastDay, long outboxUnpublished, LocalDateTime oldestUnpublishedAt,
                    LocalDate firstStatementDate, long recentDaysReconciled) {
    }

    /** {@code missedFrom}..{@code missedTo}: the statement dates the nightly runs should have reconciled by now. */
    Snapshot snapshot(@Param("now") LocalDateTime now, @Param("stuckBefore") LocalDateTime stuckBefore,
                      @Param("hourAgo") LocalDateTime hourAgo, @Param("dayAgo") LocalDateTime dayAgo,
                      @Param("today") LocalDate today, @Param("missedFrom") LocalDate missedFrom,
                      @Param("missedTo") LocalDate missedTo);
}
