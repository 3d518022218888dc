package com.loanflow.loan;

import static org.assertj.core.api.Assertions.assertThat;

import com.loanflow.e2e.PlatformTest;
import com.loanflow.payment.PaidOutLoans;
import com.loanflow.risk.PlatformHistory;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A borrower's record on this platform, read for the next credit decision: days late from the overdue interest each
 * installment was charged (1,000.00 at 18% over 6 months: the first installment's 160.53 overdue costs 0.08 a day),
 * loans repaid in full; the application being decided is not its own history.
 */
@PlatformTest
class RepaymentRecordTest {

    @Autowired
    PaidOutLoans paidOutLoans;

    @Autowired
    RepaymentRecord record;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void daysLateAreTheOverdueInterestChargedOverADaysWorth() {
        BigDecimal principal = new BigDecimal("160.53");
        BigDecimal apr = new BigDecimal("18.00");
        assertThat(RepaymentRecord.daysLate(new BigDecimal("0.00"), principal, apr)).isZero();
        assertThat(RepaymentRecord.daysLate(new BigDecimal("0.08"), principal, apr)).isEqualTo(1);
        assertThat(RepaymentRecord.daysLate(new BigDecimal("2.32"), principal, apr)).isEqualTo(29);
        assertThat(RepaymentRecord.daysLate(new BigDecimal("2.40"), principal, apr)).isEqualTo(30);
        assertThat(RepaymentRecord.daysLate(new BigDecimal("0.01"), new BigDecimal("5.00"), apr))
                .as("a principal too small to accrue a fen a day: still late").isEqualTo(1);
        assertThat(RepaymentRecord.summarise(List.of(), java.time.LocalDate.now())).isEqualTo(PlatformHistory.NONE);
    }

    @Test
    void onTimeInstallmentsAreTheLastSettledLoansPaidWithoutOverdueInterestOnceDueAndSoIsTheLimit() {
        java.time.LocalDate today = java.time.LocalDate.parse("2026-11-26");
        var earlierSettled = java.time.LocalDateTime.parse("2026-05-01T10:00:00");
        var laterSettled = java.time.LocalDateTime.parse("2026-10-01T10:00:00");
        BigDecimal principal = new BigDecimal("200.00");
        BigDecimal apr = new BigDecimal("18.00");
        var paid = Installment.InstallmentStatus.PAID;
        List<LoanMapper.EarlierInstallment> installments = List.of(
                // loan 1, settled in May at a 1,000.00 limit: two on time, one 30 days late
                new LoanMapper.EarlierInstallment("L1", LoanStatus.SETTLED, apr, principal, BigDecimal.ZERO, paid,
                        today.minusMonths(8), earlierSettled, new BigDecimal("1000.00")),
                new LoanMapper.EarlierInstallment("L1", LoanStatus.SETTLED, apr, principal, BigDecimal.ZERO, paid,
                        today.minusMonths(7), earlierSettled, new BigDecimal("1000.00")),
                new LoanMapper.EarlierInstallment("L1", LoanStatus.SETTLED, apr, principal, new BigDecimal("3.00"),
                        paid, today.minusMonths(6), earlierSettled, new BigDecimal("1000.00")),
                // loan 2, settled in October at 1,500.00: one on time (due today), one paid before it fell due,
                // one closed by the early settlement
                new LoanMapper.EarlierInstallment("L2", LoanStatus.SETTLED, apr, principal, BigDecimal.ZERO, paid,
                        today, laterSettled, new BigDecimal("1500.00")),
                new LoanMapper.EarlierInstallment("L2", LoanStatus.SETTLED, apr, principal, BigDecimal.ZERO, paid,
                        today.plusMonths(1), laterSettled, new BigDecimal("1500.00")),
                new LoanMapper.EarlierInstallment("L2", LoanStatus.SETTLED, apr, principal, BigDecimal.ZERO,
                        Installment.InstallmentStatus.SETTLED, today.minusMonths(1), laterSettled,
                        new BigDecimal("1500.00")),
                // loan 3, still being repaid: its unpaid installment is not on time, its limit not a base
                new LoanMapper.EarlierInstallment("L3", LoanStatus.ACTIVE, apr, principal, BigDecimal.ZERO,
                        Installment.InstallmentStatus.PENDING, today.minusDays(1), null, new BigDecimal("2000.00")));

        PlatformHistory history = RepaymentRecord.summarise(installments, today);
        assertThat(history.settledLoans()).isEqualTo(2);
        assertThat(history.onTimeInstallments()).as("the last settled loan's own: loan 2's one installment due by now")
                .isEqualTo(1);
        assertThat(history.maxDaysPastDue()).isEqualTo(30); // 3.00 of overdue interest at 0.10 a day on 200.00
        assertThat(history.settledCreditLimit()).isEqualByComparingTo("1500.00");
        // had loan 1 been the last settled, its two on-time installments would count
        assertThat(RepaymentRecord.summarise(installments.subList(0, 3), today).onTimeInstallments()).isEqualTo(2);
        // the rows' order does not matter (the query has none): the same record read backwards
        List<LoanMapper.EarlierInstallment> backwards = new java.util.ArrayList<>(installments);
        java.util.Collections.reverse(backwards);
        assertThat(RepaymentRecord.summarise(backwards, today)).isEqualTo(history);
        // two loans settled at the same instant (or neither with a time): the larger loan id, whichever comes first
        var tie = List.of(
                new LoanMapper.EarlierInstallment("L8", LoanStatus.SETTLED, apr, principal, BigDecimal.ZERO, paid,
                        today.minusMonths(2), laterSettled, new BigDecimal("800.00")),
                new LoanMapper.EarlierInstallment("L9", LoanStatus.SETTLED, apr, principal, BigDecimal.ZERO, paid,
                        today.minusMonths(2), laterSettled, new BigDecimal("900.00")));
        assertThat(RepaymentRecord.summarise(tie, today).settledCreditLimit()).isEqualByComparingTo("900.00");
        assertThat(RepaymentRecord.summarise(List.of(tie.get(1), tie.get(0)), today).settledCreditLimit()).isEqualByComparingTo("900.00");
    }

    @Test
    void anEarlierLoanRepaidLateIsReadFromTheDatabaseAndTheLoanBeingDecidedIsNot() throws Exception {
        var earlier = paidOutLoans.paidOut("1000.00");
        String borrowerId = earlier.application().borrowerId;
        assertThat(record.of(borrowerId, "another-application")).as("on time so far, not repaid yet")
                .isEqualTo(new PlatformHistory(0, 0));

        // its first installment was 30 days late (overdue interest charged for 30 days), then the loan was settled;
        // the rows are put back afterwards, so the books of the shared test database stay as the ledger says
        try {
            jdbc.update("UPDATE installment SET penalty_due = 2.40, penalty_paid = 2.40 WHERE loan_id = ? AND seq = 1",
                    earlier.loanId());
            jdbc.update("UPDATE loan SET status = 'SETTLED' WHERE id = ?", earlier.loanId());

            assertThat(record.of(borrowerId, "another-application")).isEqualTo(new PlatformHistory(1, 30, 0,
                    jdbc.queryForObject("SELECT credit_limit FROM loan_application WHERE id = ?", BigDecimal.class,
                            earlier.application().applicationId)));
            assertThat(record.of(borrowerId, earlier.application().applicationId))
                    .as("a loan is not its own history").isEqualTo(PlatformHistory.NONE);
        } finally {
            jdbc.update("UPDATE installment SET penalty_due = 0, penalty_paid = 0 WHERE loan_id = ? AND seq = 1",
                    earlier.loanId());
            jdbc.update("UPDATE loan SET status = 'ACTIVE' WHERE id = ?", earlier.loanId());
        }
    }
}
