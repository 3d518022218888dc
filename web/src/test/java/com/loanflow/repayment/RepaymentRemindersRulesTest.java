package com.loanflow.repayment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.loanflow.borrower.Borrower;
import com.loanflow.borrower.Borrowers;
import com.loanflow.loan.Installment;
import com.loanflow.loan.Installment.InstallmentStatus;
import com.loanflow.loan.Loan;
import com.loanflow.loan.LoanMapper;
import com.loanflow.loan.LoanStatus;
import com.loanflow.loan.SettlementQuote;
import com.loanflow.notification.SmsGateway;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

/**
 * Which message goes on which day, for how much, and what stops one (no database: the unique key is a set here;
 * RepaymentRemindersTest has the real one).
 */
class RepaymentRemindersRulesTest {

    static final LocalDate DUE = LocalDate.of(2026, 12, 26);
    static final BigDecimal PRINCIPAL = new BigDecimal("160.53");
    static final BigDecimal INTEREST = new BigDecimal("15.00");

    final List<String> sent = new ArrayList<>();
    final Map<String, String> rows = new LinkedHashMap<>();
    final Set<String> claimed = new HashSet<>();
    final LoanMapper loans = mock(LoanMapper.class);
    final WithholdingMapper withholdings = mock(WithholdingMapper.class);
    final RepaymentMapper repayments = mock(RepaymentMapper.class);
    final Borrowers borrowers = mock(Borrowers.class);
    boolean smsDown;

    final RepaymentReminderMapper mapper = new RepaymentReminderMapper() {
        @Override
        public void claim(String id, String loanId, int seq, LocalDate dueDate, String kind, BigDecimal amountDue,
                          LocalDateTime at) {
            if (!claimed.add(loanId + "/" + seq + "/" + dueDate + "/" + kind)) {
                throw new DuplicateKeyException("uk_repayment_reminder");
            }
            rows.put(id, kind + ":CLAIMED");
        }

        @Override
        public int mark(String id, String status, LocalDateTime at) {
            if (!rows.get(id).endsWith(":CLAIMED")) {
                return 0;
            }
            rows.put(id, rows.get(id).replace("CLAIMED", status));
            return 1;
        }

        @Override
        public int countClaimedBefore(LocalDateTime before) {
            return 0;
        }
    };

    final SmsGateway sms = (phone, text) -> {
        if (smsDown) {
            throw new IllegalStateException("carrier unavailable");
        }
        sent.add(text);
    };

    final RepaymentReminders reminders = new RepaymentReminders(loans, mapper, withholdings, repayments, borrowers, sms,
            Clock.systemUTC());

    final Loan loan = loan("L1", new BigDecimal("1000.00"));

    @BeforeEach
    void borrower() {
        when(borrowers.get(any())).thenReturn(mock(Borrower.class));
        when(borrowers.phone(any())).thenReturn("13912345678");
        when(withholdings.sumOpen(any())).thenReturn(BigDecimal.ZERO);
        when(repayments.sumPendingTransfers(any(), any())).thenReturn(BigDecimal.ZERO);
    }

    @Test
    void eachKindOnItsFirstDayOnceHoweverOftenTheJobRuns() {
        schedule(loan, installment(1, DUE, InstallmentStatus.PENDING, "0.00", "0.00"), future(2));
        for (LocalDate day = DUE.minusDays(6); !day.isAfter(DUE.plusDays(20)); day = day.plusDays(1)) {
            reminders.remind(loan, day);
            reminders.remind(loan, day);   // a second node or a re-run
        }
        assertThat(rows.values()).containsExactly("DUE_IN_3_DAYS:SENT", "DUE_TODAY:SENT", "OVERDUE_1_DAY:SENT",
                "OVERDUE_3_DAYS:SENT", "OVERDUE_7_DAYS:SENT");
        assertThat(sent.get(0)).isEqualTo("【Loanflow】您的借款第1期将于2026-12-26到期，应还175.53元。可在App内从绑定的银行卡还款。");
        assertThat(sent.get(1)).isEqualTo("【Loanflow】您的借款第1期今天（2026-12-26）到期，应还175.53元。今天还款不产生逾期利息。");
        assertThat(sent.get(2)).isEqualTo("【Loanflow】您的借款第1期已逾期1天，应还175.53元。逾期本金自2026-12-27起按日计收逾期利息。"
                + "如还款有困难，请联系客服协商还款安排。");
        assertThat(sent.get(4)).contains("已逾期7天");
    }

    @Test
    void aDayWithoutARunIsCaughtUpWithTheLatestKindOnly() {
        schedule(loan, installment(1, DUE, InstallmentStatus.PENDING, "0.00", "0.49"), future(2));
        reminders.remind(loan, DUE.minusDays(1));   // the run three days before did not happen
        reminders.remind(loan, DUE.plusDays(2));    // nor those on the due day and the day after
        assertThat(rows.values()).containsExactly("DUE_IN_3_DAYS:SENT", "OVERDUE_1_DAY:SENT");
        assertThat(sent.get(1)).contains("已逾期2天，应还176.02元（含逾期利息0.49元）");
        reminders.remind(loan, DUE.plusDays(15));   // past the last window: nothing more by SMS
        assertThat(sent).hasSize(2);
    }

    @Test
    void theAmountIsEverythingOwedUpToTheInstallmentAndOneMessagePerDay() {
        // the first installment is a month overdue (past its notices); the second is due today
        schedule(loan, installment(1, DUE.minusMonths(1), InstallmentStatus.PARTIALLY_PAID, "100.00", "2.00"),
                installment(2, DUE, InstallmentStatus.PENDING, "0.00", "0.00"),
                installment(3, DUE, InstallmentStatus.PAID, "175.53", "0.00"), future(4));
        var result = reminders.remind(loan, DUE);
        assertThat(result.sent()).isEqualTo(1);
        // 175.53 + 2.00 - 100.00 still owed on the first, 175.53 on the second; the paid third is not counted
        assertThat(sent).singleElement().isEqualTo("【Loanflow】您的借款第2期今天（2026-12-26）到期，应还253.06元"
                + "（含此前逾期未还的款项）。逾期部分按日计收逾期利息，请尽快还款。");
    }

    @Test
    void neverMoreThanWhatSettlesTheLoanThatDay() {
        // the last installment alone: three days early, only the days elapsed bear interest (more is refused)
        Loan last = loan("L2", PRINCIPAL);
        List<Installment> schedule = new ArrayList<>();
        for (int seq = 1; seq <= 5; seq++) {
            schedule.add(installment(seq, DUE.minusMonths(6 - seq), InstallmentStatus.PAID, "175.53", "0.00"));
        }
        schedule.add(installment(6, DUE, InstallmentStatus.PENDING, "0.00", "0.00"));
        schedule(last, schedule.toArray(Installment[]::new));

        reminders.remind(last, DUE.minusDays(3));

        BigDecimal quote = SettlementQuote.of(last, schedule, DUE.minusDays(3)).total();
        assertThat(quote).isLessThan(PRINCIPAL.add(INTEREST));
        assertThat(sent).singleElement().asString().contains("应还" + quote.toPlainString() + "元");
    }

    @Test
    void nothingWhileAPaymentIsOnItsWay() {
        schedule(loan, installment(1, DUE, InstallmentStatus.PENDING, "0.00", "0.00"), future(2));
        when(withholdings.sumOpen("L1")).thenReturn(new BigDecimal("175.53"));
        assertThat(reminders.remind(loan, DUE).sent()).isZero();
        when(withholdings.sumOpen("L1")).thenReturn(BigDecimal.ZERO);
        when(repayments.sumPendingTransfers(eq("L1"), any())).thenReturn(new BigDecimal("175.53"));
        assertThat(reminders.remind(loan, DUE.plusDays(1)).sent()).isZero();
        assertThat(rows).isEmpty();
    }

    @Test
    void aFailedSendIsRecordedAndNotRetried() {
        schedule(loan, installment(1, DUE, InstallmentStatus.PENDING, "0.00", "0.00"), future(2));
        smsDown = true;
        assertThat(reminders.remind(loan, DUE).failed()).isEqualTo(1);
        smsDown = false;
        assertThat(reminders.remind(loan, DUE)).extracting(r -> r.sent(), r -> r.alreadySent()).containsExactly(0, 1);
        assertThat(rows.values()).containsExactly("DUE_TODAY:FAILED");
        assertThat(sent).isEmpty();
    }

    @Test
    void oneLoanFailingDoesNotStopTheRun() {
        Loan other = loan("L3", new BigDecimal("1000.00"));
        // the run asks for the loans with an installment due from 13 days ago to 3 days ahead (every kind's window)
        when(loans.findActiveWithOpenInstallmentDueBetween(DUE.minusDays(13), DUE.plusDays(3)))
                .thenReturn(List.of(loan, other));
        when(loans.findInstallments("L1")).thenThrow(new IllegalStateException("lock wait timeout"));
        schedule(other, installment(1, DUE, InstallmentStatus.PENDING, "0.00", "0.00"), future(2));
        var result = reminders.remind(DUE);
        assertThat(result).extracting(r -> r.sent(), r -> r.failed()).containsExactly(1, 1);
    }

    private void schedule(Loan of, Installment... installments) {
        List<Installment> forLoan = new ArrayList<>();
        for (Installment i : installments) {
            forLoan.add(new Installment(i.id(), of.id(), i.seq(), i.dueDate(), i.principalDue(), i.interestDue(),
                    i.principalPaid(), i.interestPaid(), i.status(), i.version(), i.interestRecognised(), i.penaltyDue(),
                    i.penaltyPaid()));
        }
        when(loans.findInstallments(of.id())).thenReturn(forLoan);
    }

    private static Loan loan(String id, BigDecimal outstandingPrincipal) {
        return new Loan(id, "A-" + id, "B-" + id, new BigDecimal("1000.00"), new BigDecimal("18.00"), 6,
                outstandingPrincipal, new BigDecimal("53.15"), LoanStatus.ACTIVE, DUE.minusMonths(6).atTime(10, 0),
                null, 0, BigDecimal.ZERO, new BigDecimal("18.00"), BigDecimal.ZERO);
    }

    /** An installment not yet due for months. */
    private static Installment future(int seq) {
        return installment(seq, DUE.plusMonths(seq), InstallmentStatus.PENDING, "0.00", "0.00");
    }

    /** 160.53 principal and 15.00 interest due; paid is taken from principal first, then interest. */
    private static Installment installment(int seq, LocalDate due, InstallmentStatus status, String paid, String penalty) {
        BigDecimal paidAmount = new BigDecimal(paid);
        BigDecimal principalPaid = paidAmount.min(PRINCIPAL);
        BigDecimal interestPaid = paidAmount.subtract(principalPaid);
        return new Installment("I" + seq, "L1", seq, due, PRINCIPAL, INTEREST, principalPaid, interestPaid, status, 0,
                BigDecimal.ZERO, new BigDecimal(penalty), BigDecimal.ZERO);
    }
}
