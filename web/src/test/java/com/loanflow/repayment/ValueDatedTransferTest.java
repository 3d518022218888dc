package com.loanflow.repayment;

import static org.assertj.core.api.Assertions.assertThat;

import com.loanflow.e2e.PlatformTest;
import com.loanflow.ledger.JournalLine;
import com.loanflow.ledger.Ledger;
import com.loanflow.ledger.LedgerAccount;
import com.loanflow.ledger.LedgerInvariants;
import com.loanflow.loan.LoanAccrual;
import com.loanflow.loan.LoanProduct;
import com.loanflow.payment.PaidOutLoans;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A bank transfer is applied as of its statement line's value date, however many days the second operator takes to
 * approve it: overdue interest accrued after that date on what it repaid is waived (and taken off the ledger), and the
 * amount that settled the loan on that date settles it, interest recognised since reversed. Loan of 1,000.00 at 18%
 * over 6 months: installment 1 is 160.53 principal + 15.00 interest; overdue principal 160.53 accrues 0.08 a day.
 * The overdue cases move the loan back so that today is 6 days after the first due date; the accrual job has run
 * to yesterday; the money arrived the day after the due date.
 */
@PlatformTest
class ValueDatedTransferTest {

    static final BigDecimal APR = new BigDecimal("18.00");
    static final BigDecimal FIRST_PRINCIPAL = new BigDecimal("160.53");
    static final BigDecimal FIRST_INTEREST = new BigDecimal("15.00");
    static final BigDecimal SECOND_INTEREST = new BigDecimal("12.59");
    static final BigDecimal A_DAY_OVERDUE = LoanProduct.dailyPenalty(FIRST_PRINCIPAL, APR);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PaidOutLoans paidOutLoans;

    @Autowired
    Repayments repayments;

    @Autowired
    LoanAccrual accrual;

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerInvariants invariants;

    @Autowired
    Clock clock;

    @Autowired
    com.loanflow.loan.LoanMapper loans;

    @Autowired
    RepaymentMapper repaymentMapper;

    @Autowired
    Withholdings withholdings;

    @Autowired
    WithholdingMapper withholdingMapper;

    @Autowired
    com.loanflow.loan.Loans loansService;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    /** A loan whose first installment fell due 6 days ago, accrued to yesterday; its first due date. */
    private record Overdue(PaidOutLoans.PaidOut paidOut, LocalDate firstDue) {

        String loanId() {
            return paidOut.loanId();
        }

        String applicationId() {
            return paidOut.application().applicationId;
        }
    }

    private Overdue sixDaysOverdue() throws Exception {
        var paidOut = paidOutLoans.paidOut("1000.00");
        LocalDate original = LocalDate.now(clock);
        int firstPeriod = (int) ChronoUnit.DAYS.between(original, original.plusMonths(1));
        LocalDate start = Backdating.backdate(jdbc, paidOut.loanId(), firstPeriod + 6);
        Backdating.accrueUntilYesterday(accrual, clock, paidOut.loanId(), start);
        return new Overdue(paidOut, dueDate(paidOut.loanId(), 1));
    }

    private LocalDate dueDate(String loanId, int seq) {
        return jdbc.queryForObject("SELECT due_date FROM installment WHERE loan_id = ? AND seq = ?", LocalDate.class,
                loanId, seq);
    }

    @Test
    void theInstallmentPaidTheDayAfterItsDueDateOwesNoOverdueInterestHoweverLateTheApproval() throws Exception {
        Overdue valueDated = sixDaysOverdue();
        Overdue approvalDated = sixDaysOverdue();
        // the job charged 5 days (due+1 .. due+5, each run just after the day's midnight); the borrower paid during
        // due+1, when the quote showed the installment without overdue interest: that night's run would have seen
        // the money, as it sees a withholding confirmed that day
        BigDecimal fiveDays = A_DAY_OVERDUE.multiply(BigDecimal.valueOf(5));
        assertThat(penaltyDue(valueDated.loanId(), 1)).isEqualByComparingTo(fiveDays);
        BigDecimal installmentOnTheValueDate = FIRST_PRINCIPAL.add(FIRST_INTEREST);

        Repayment applied = BankTransfers.received(repayments, valueDated.loanId(), "VD-" + valueDated.loanId()
                .substring(0, 8), installmentOnTheValueDate, valueDated.firstDue().plusDays(1));
        Repayment control = BankTransfers.received(repayments, approvalDated.loanId(), "VD-" + approvalDated.loanId()
                .substring(0, 8), installmentOnTheValueDate, LocalDate.now(clock));

        assertThat(applied.valueDate()).isEqualTo(valueDated.firstDue().plusDays(1));
        assertThat(applied.penaltyWaived()).isEqualByComparingTo(fiveDays);
        assertThat(applied.penaltyPart()).isEqualByComparingTo("0.00");
        assertThat(applied.principalPart()).isEqualByComparingTo(FIRST_PRINCIPAL);
        assertThat(installment(valueDated.loanId(), 1)).containsEntry("STATUS", "PAID");
        assertThat(penaltyDue(valueDated.loanId(), 1)).isEqualByComparingTo("0.00");
        assertThat(jdbc.queryForObject("SELECT outstanding_penalty FROM loan WHERE id = ?", BigDecimal.class,
                valueDated.loanId())).isEqualByComparingTo("0.00");
        assertThat(ledger.lines("PENALTY_WAIVER:" + applied.id())).containsExactlyInAnyOrder(
                JournalLine.debit(LedgerAccount.PENALTY_INCOME, fiveDays),
                JournalLine.credit(LedgerAccount.PENALTY_RECEIVABLE, fiveDays));
        assertThat(balance(valueDated.applicationId(), "PENALTY_INCOME")).isEqualByComparingTo("0.00");
        assertThat(balance(valueDated.applicationId(), "PENALTY_RECEIVABLE")).isEqualByComparingTo("0.00");

        // the same money dated today pays the 5 days' overdue interest first and leaves principal overdue
        assertThat(control.penaltyWaived()).isEqualByComparingTo("0.00");
        assertThat(control.penaltyPart()).isEqualByComparingTo(fiveDays);
        assertThat(installment(approvalDated.loanId(), 1)).containsEntry("STATUS", "PARTIALLY_PAID");
        assertThat(ledger.lines("PENALTY_WAIVER:" + control.id())).isEmpty();
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void partOfTheInstallmentPaidOnTheValueDateLeavesOverdueInterestOnlyOnThePrincipalStillOverdue() throws Exception {
        Overdue loan = sixDaysOverdue();
        LocalDate valueDate = loan.firstDue().plusDays(1);

        Repayment applied = BankTransfers.received(repayments, loan.loanId(), "VP-" + loan.loanId().substring(0, 8),
                new BigDecimal("100.00"), valueDate);

        // on the value date: 15.00 interest, 85.00 principal; 75.53 stays overdue and accrues its own overdue
        // interest on each of the 5 days from the value date on, which stays owed
        BigDecimal stillOverdue = FIRST_PRINCIPAL.subtract(new BigDecimal("85.00"));
        BigDecimal stillAccrued = LoanProduct.dailyPenalty(stillOverdue, APR).multiply(BigDecimal.valueOf(5));
        BigDecimal charged = A_DAY_OVERDUE.multiply(BigDecimal.valueOf(5));
        BigDecimal waived = charged.subtract(stillAccrued);
        assertThat(applied.principalPart()).isEqualByComparingTo("85.00");
        assertThat(applied.interestPart()).isEqualByComparingTo(FIRST_INTEREST);
        assertThat(applied.penaltyPart()).isEqualByComparingTo("0.00");
        assertThat(applied.penaltyWaived()).isEqualByComparingTo(waived).isPositive();
        assertThat(installment(loan.loanId(), 1)).containsEntry("STATUS", "PARTIALLY_PAID");
        assertThat(penaltyDue(loan.loanId(), 1)).isEqualByComparingTo(stillAccrued);
        assertThat(jdbc.queryForObject("SELECT outstanding_penalty FROM loan WHERE id = ?", BigDecimal.class,
                loan.loanId())).as("the overdue interest of the principal still overdue, owed")
                .isEqualByComparingTo(stillAccrued);
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void exactlyWhatSettledTheLoanOnTheValueDateSettlesItAndReversesTheInterestRecognisedSince() throws Exception {
        Overdue loan = sixDaysOverdue();
        LocalDate valueDate = loan.firstDue().plusDays(1);
        long secondPeriod = ChronoUnit.DAYS.between(loan.firstDue(), dueDate(loan.loanId(), 2));
        // the quote the borrower saw on the value date: principal, installment 1's interest, 1 day of installment
        // 2's, no overdue interest yet
        BigDecimal interestOnValueDate = FIRST_INTEREST.add(share(SECOND_INTEREST, 1, secondPeriod));
        BigDecimal quoteOnValueDate = new BigDecimal("1000.00").add(interestOnValueDate);

        Repayment applied = BankTransfers.received(repayments, loan.loanId(), "VS-" + loan.loanId().substring(0, 8),
                quoteOnValueDate, valueDate);

        assertSettled(loan.loanId());
        assertThat(applied.penaltyWaived()).isEqualByComparingTo(A_DAY_OVERDUE.multiply(BigDecimal.valueOf(5)));
        assertThat(applied.interestPart()).isEqualByComparingTo(interestOnValueDate);
        // accrual recognised installment 2's interest for the 5 days due+1 .. due+5; settled as of due+1, 4 go back
        BigDecimal reversed = share(SECOND_INTEREST, 5, secondPeriod).subtract(share(SECOND_INTEREST, 1, secondPeriod));
        assertThat(ledger.lines("INTEREST_REVERSAL:" + applied.id())).containsExactlyInAnyOrder(
                JournalLine.debit(LedgerAccount.INTEREST_INCOME, reversed),
                JournalLine.credit(LedgerAccount.INTEREST_RECEIVABLE, reversed));
        assertThat(balance(loan.applicationId(), "INTEREST_INCOME")).isEqualByComparingTo(interestOnValueDate.negate());
        assertThat(balance(loan.applicationId(), "INTEREST_RECEIVABLE")).isEqualByComparingTo("0.00");
        assertThat(balance(loan.applicationId(), "PENALTY_INCOME")).isEqualByComparingTo("0.00");
        assertThat(balance(loan.applicationId(), "PENALTY_RECEIVABLE")).isEqualByComparingTo("0.00");
        assertThat(balance(loan.applicationId(), "LOAN_PRINCIPAL_RECEIVABLE")).isEqualByComparingTo("0.00");
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void aLoanNotOverdueSettlesWithTheQuoteOfTheValueDateApprovedDaysLater() throws Exception {
        var paidOut = paidOutLoans.paidOut("1000.00");
        LocalDate start = Backdating.backdate(jdbc, paidOut.loanId(), 10);
        Backdating.accrueUntilYesterday(accrual, clock, paidOut.loanId(), start);
        long period = ChronoUnit.DAYS.between(start, dueDate(paidOut.loanId(), 1));
        LocalDate valueDate = LocalDate.now(clock).minusDays(3);
        BigDecimal quoteOnValueDate = new BigDecimal("1000.00").add(share(FIRST_INTEREST, 7, period));

        Repayment applied = BankTransfers.received(repayments, paidOut.loanId(),
                "VC-" + paidOut.loanId().substring(0, 8), quoteOnValueDate, valueDate);

        assertSettled(paidOut.loanId());
        assertThat(applied.penaltyWaived()).isEqualByComparingTo("0.00");
        // the job recognised 9 days (start+1 .. yesterday); the settlement as of the value date charges 7
        BigDecimal reversed = share(FIRST_INTEREST, 9, period).subtract(share(FIRST_INTEREST, 7, period));
        assertThat(ledger.lines("INTEREST_REVERSAL:" + applied.id())).containsExactlyInAnyOrder(
                JournalLine.debit(LedgerAccount.INTEREST_INCOME, reversed),
                JournalLine.credit(LedgerAccount.INTEREST_RECEIVABLE, reversed));
        assertThat(balance(paidOut.application().applicationId, "INTEREST_INCOME"))
                .isEqualByComparingTo(share(FIRST_INTEREST, 7, period).negate());
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void theValueDatesPayoffSettlesTheLoanEvenWhenTheAccrualJobHasNotRunSinceThen() throws Exception {
        var paidOut = paidOutLoans.paidOut("1000.00");
        LocalDate start = Backdating.backdate(jdbc, paidOut.loanId(), 10);
        LocalDate valueDate = LocalDate.now(clock).minusDays(3);
        // the job ran up to the day before the value date, then not again (failed for this loan, say)
        for (LocalDate day = start; day.isBefore(valueDate); day = day.plusDays(1)) {
            accrual.accrueLoan(paidOut.loanId(), day);
        }
        long period = ChronoUnit.DAYS.between(start, dueDate(paidOut.loanId(), 1));
        BigDecimal quoteOnValueDate = new BigDecimal("1000.00").add(share(FIRST_INTEREST, 7, period));

        Repayment applied = BankTransfers.received(repayments, paidOut.loanId(),
                "VN-" + paidOut.loanId().substring(0, 8), quoteOnValueDate, valueDate);

        assertSettled(paidOut.loanId());
        assertThat(applied.principalPart()).isEqualByComparingTo("1000.00");
        assertThat(balance(paidOut.application().applicationId, "INTEREST_INCOME"))
                .isEqualByComparingTo(share(FIRST_INTEREST, 7, period).negate());
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void aWithholdingAcceptedBeforeMidnightAndConfirmedAfterItSettlesAsOfTheDayItWasAccepted() throws Exception {
        var paidOut = paidOutLoans.paidOut("1000.00");
        LocalDate start = Backdating.backdate(jdbc, paidOut.loanId(), 10);
        Backdating.accrueUntilYesterday(accrual, clock, paidOut.loanId(), start);
        long period = ChronoUnit.DAYS.between(start, dueDate(paidOut.loanId(), 1));
        BigDecimal yesterdaysQuote = new BigDecimal("1000.00").add(share(FIRST_INTEREST, 9, period));
        var loan = loans.findById(paidOut.loanId()).orElseThrow();

        // the borrower settles at 23:59 for yesterday's quote, the channel accepts the debit at once; its
        // confirmation arrives after midnight
        Repayment pending = transaction.execute(tx -> repayments.recordPending(paidOut.application().borrowerId, loan,
                "settle-" + paidOut.loanId().substring(0, 8), yesterdaysQuote));
        transaction.executeWithoutResult(tx -> repayments.applyConfirmed(pending, LocalDate.now(clock).minusDays(1)));

        assertSettled(paidOut.loanId());
        Repayment applied = repaymentMapper.findById(pending.id()).orElseThrow();
        assertThat(applied.status()).isEqualTo(Repayment.APPLIED);
        assertThat(applied.principalPart()).isEqualByComparingTo("1000.00");
        assertThat(applied.valueDate()).isEqualTo(LocalDate.now(clock).minusDays(1));
        assertThat(balance(paidOut.application().applicationId, "INTEREST_INCOME"))
                .isEqualByComparingTo(share(FIRST_INTEREST, 9, period).negate());
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void aWithholdingDatedByTheChannelsAcceptanceTimeWhenItsWordArrivesOnlyTheNextDay() throws Exception {
        var paidOut = paidOutLoans.paidOut("1000.00");
        LocalDate start = Backdating.backdate(jdbc, paidOut.loanId(), 10);
        Backdating.accrueUntilYesterday(accrual, clock, paidOut.loanId(), start);
        long period = ChronoUnit.DAYS.between(start, dueDate(paidOut.loanId(), 1));
        BigDecimal yesterdaysQuote = new BigDecimal("1000.00").add(share(FIRST_INTEREST, 9, period));
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);

        // asked at 23:59:50 for yesterday's quote; the channel was slow to answer (our request timed out, so the
        // withholding stayed REQUESTED) but accepted and debited the card at 23:59:55; its callback, or a re-send's
        // "already accepted", reaches us only after midnight. Its signed word says when it accepted the debit.
        Repayment pending = withholdings.request(paidOut.application().borrowerId, paidOut.loanId(),
                "wh-d-" + paidOut.loanId().substring(0, 8), yesterdaysQuote);
        jdbc.update("UPDATE withholding SET created_at = ?, updated_at = ? WHERE repayment_id = ?",
                yesterday.atTime(23, 59, 50), yesterday.atTime(23, 59, 50), pending.id());
        Withholding w = withholdingMapper.findByRepaymentId(pending.id()).orElseThrow();

        assertThat(withholdings.applyCallback("sandbox", w.requestId(), "SBXVALUEDATED" + w.id().substring(0, 6),
                "SUCCEEDED", null, yesterday.atTime(23, 59, 55).toString()).name()).isEqualTo("APPLIED");

        assertSettled(paidOut.loanId());
        Repayment applied = repaymentMapper.findById(pending.id()).orElseThrow();
        assertThat(applied.valueDate()).isEqualTo(yesterday);
        assertThat(applied.principalPart()).isEqualByComparingTo("1000.00");
        assertThat(balance(paidOut.application().applicationId, "INTEREST_INCOME"))
                .isEqualByComparingTo(share(FIRST_INTEREST, 9, period).negate());
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void aChannelTimeBeforeTheRequestOrNotATimeDoesNotDateTheMoney() throws Exception {
        var paidOut = paidOutLoans.paidOut("1000.00");
        LocalDate start = Backdating.backdate(jdbc, paidOut.loanId(), 10);
        Backdating.accrueUntilYesterday(accrual, clock, paidOut.loanId(), start);
        BigDecimal todaysQuote = loansService.settlementQuote(loans.findById(paidOut.loanId()).orElseThrow()).total();

        // requested today: a channel time of last week cannot be when it debited the card (today's quote settles)
        Repayment settling = withholdings.request(paidOut.application().borrowerId, paidOut.loanId(),
                "wh-e-" + paidOut.loanId().substring(0, 8), todaysQuote);
        Withholding w = withholdingMapper.findByRepaymentId(settling.id()).orElseThrow();
        withholdings.applyCallback("sandbox", w.requestId(), "SBXEARLY" + w.id().substring(0, 6), "SUCCEEDED", null,
                LocalDate.now(clock).minusDays(7).atTime(10, 0).toString());

        assertSettled(paidOut.loanId());
        assertThat(repaymentMapper.findById(settling.id()).orElseThrow().valueDate()).isEqualTo(LocalDate.now(clock));
        assertThat(com.loanflow.payment.ChannelTime.acceptedOn("yesterday", clock.getZone())).isEmpty();
        assertThat(com.loanflow.payment.ChannelTime.acceptedOn("2026-11-25T16:30:00Z", java.time.ZoneId.of("Asia/Shanghai")))
                .contains(LocalDate.of(2026, 11, 26));
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void aQuoteGivenBeforeTheNightlyRunReachedTheLoanStillSettlesItAfterTheRun() throws Exception {
        var paidOut = paidOutLoans.paidOut("1000.00");
        LocalDate today = LocalDate.now(clock);
        int firstPeriod = (int) ChronoUnit.DAYS.between(today, today.plusMonths(1));
        LocalDate start = Backdating.backdate(jdbc, paidOut.loanId(), firstPeriod + 6);
        LocalDate yesterday = today.minusDays(1);
        // shortly after midnight: the nightly run has accrued every day but yesterday, which it has not reached yet
        for (LocalDate day = start; day.isBefore(yesterday); day = day.plusDays(1)) {
            accrual.accrueLoan(paidOut.loanId(), day);
        }
        BigDecimal penaltyBefore = penaltyDue(paidOut.loanId(), 1);
        String borrowerId = paidOut.application().borrowerId;

        // the borrower asks what settles the loan (GET settlement-quote), and has the card debited for it
        BigDecimal quote = loansService.settlementQuote(loansService.getOwnedUpToDate(borrowerId, paidOut.loanId()))
                .total();
        assertThat(penaltyDue(paidOut.loanId(), 1)).as("yesterday's overdue interest is in the quote")
                .isEqualByComparingTo(penaltyBefore.add(A_DAY_OVERDUE));
        Repayment pending = withholdings.request(borrowerId, paidOut.loanId(), "wh-q-" + paidOut.loanId().substring(0, 8),
                quote);
        // the run reaches the loan before the channel's confirmation: the day is done already
        assertThat(accrual.accrueLoan(paidOut.loanId(), yesterday)).isEmpty();
        Withholding w = withholdingMapper.findByRepaymentId(pending.id()).orElseThrow();
        withholdings.applyCallback("sandbox", w.requestId(), "SBXQUOTED" + w.id().substring(0, 6), "SUCCEEDED", null,
                null);

        assertSettled(paidOut.loanId());
        assertThat(repaymentMapper.findById(pending.id()).orElseThrow().amount()).isEqualByComparingTo(quote);
        assertThat(invariants.check().violations()).isEmpty();
    }

    @Test
    void moreThanSettledTheLoanOnTheValueDateSettlesItThenAndTheRestIsOwedBack() throws Exception {
        Overdue loan = sixDaysOverdue();
        LocalDate valueDate = loan.firstDue().plusDays(1);
        long secondPeriod = ChronoUnit.DAYS.between(loan.firstDue(), dueDate(loan.loanId(), 2));
        BigDecimal payoff = new BigDecimal("1000.00").add(FIRST_INTEREST).add(share(SECOND_INTEREST, 1, secondPeriod));

        // within today's quote (overdue interest and interest have accrued since), above the value date's payoff:
        // the money settled the loan that day, and the 0.10 beyond it is the borrower's
        Repayment applied = BankTransfers.received(repayments, loan.loanId(), "VX-" + loan.loanId().substring(0, 8),
                payoff.add(new BigDecimal("0.10")), valueDate);

        assertThat(applied.status()).isEqualTo(Repayment.APPLIED);
        assertThat(applied.amount()).isEqualByComparingTo(payoff);
        assertSettled(loan.loanId());
        Repayment excess = repaymentMapper.findByIdempotencyKey(applied.borrowerId(),
                Repayments.excessKey(applied.id())).orElseThrow();
        assertThat(excess.status()).isEqualTo(Repayment.REFUND_DUE);
        assertThat(excess.amount()).isEqualByComparingTo("0.10");
        assertThat(excess.valueDate()).isEqualTo(valueDate);
        assertThat(invariants.check().violations()).isEmpty();
    }

    private void assertSettled(String loanId) {
        assertThat(jdbc.queryForObject("SELECT status FROM loan WHERE id = ?", String.class, loanId))
                .isEqualTo("SETTLED");
        assertThat(jdbc.queryForList("SELECT status FROM installment WHERE loan_id = ?", String.class, loanId))
                .containsOnly("SETTLED");
    }

    private Map<String, Object> installment(String loanId, int seq) {
        return jdbc.queryForMap("SELECT status, principal_paid, penalty_due, penalty_paid FROM installment"
                + " WHERE loan_id = ? AND seq = ?", loanId, seq);
    }

    private BigDecimal penaltyDue(String loanId, int seq) {
        return jdbc.queryForObject("SELECT penalty_due FROM installment WHERE loan_id = ? AND seq = ?",
                BigDecimal.class, loanId, seq);
    }

    private static BigDecimal share(BigDecimal interest, long days, long periodDays) {
        return interest.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(periodDays), 2,
                RoundingMode.HALF_EVEN);
    }

    private BigDecimal balance(String applicationId, String account) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(CASE WHEN l.side = 'DEBIT' THEN l.amount ELSE -l.amount END), 0)"
                + " FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id"
                + " WHERE e.application_id = ? AND l.account = ?", BigDecimal.class, applicationId, account);
    }
}
