package com.loanflow.repayment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.loanflow.borrower.Borrower;
import com.loanflow.borrower.Borrowers;
import com.loanflow.loan.Installment;
import com.loanflow.loan.Installment.InstallmentStatus;
import com.loanflow.loan.Loan;
import com.loanflow.loan.LoanMapper;
import com.loanflow.loan.LoanStatus;
import com.loanflow.notification.SmsGateway;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

/** Which installment gets which message on which day, and what a failed send leaves behind (no database). */
class RepaymentRemindersRulesTest {

    static final LocalDate DUE = LocalDate.of(2026, 12, 26);

    final List<String> sent = new ArrayList<>();
    final Map<String, String> rows = new HashMap<>();
    final Set<String> claimed = new HashSet<>();
    final LoanMapper loans = mock(LoanMapper.class);
    final Borrowers borrowers = mock(Borrowers.class);
    boolean smsDown;

    final RepaymentReminderMapper mapper = new RepaymentReminderMapper() {
        @Override
        public void claim(String id, String loanId, int seq, String kind, BigDecimal amountDue, LocalDateTime at) {
            if (!claimed.add(loanId + "/" + seq + "/" + kind)) {
                throw new DuplicateKeyException("uk_repayment_reminder");
            }
            rows.put(id, kind + ":CLAIMED");
        }

        @Override
        public void mark(String id, String status) {
            rows.put(id, rows.get(id).replace("CLAIMED", status));
        }
    };

    final SmsGateway sms = (phone, text) -> {
        if (smsDown) {
            throw new IllegalStateException("carrier unavailable");
        }
        sent.add(phone + " " + text);
    };

    final RepaymentReminders reminders = new RepaymentReminders(loans, mapper, borrowers, sms, Clock.systemUTC());

    final Loan loan = new Loan("L1", "A1", "B1", new BigDecimal("1000.00"), new BigDecimal("18.00"), 6,
            new BigDecimal("1000.00"), new BigDecimal("53.15"), LoanStatus.ACTIVE, LocalDateTime.of(2026, 11, 26, 10, 0),
            null, 0, BigDecimal.ZERO, new BigDecimal("18.00"), BigDecimal.ZERO);

    RepaymentRemindersRulesTest() {
        Borrower borrower = mock(Borrower.class);
        when(borrowers.get("B1")).thenReturn(borrower);
        when(borrowers.phone(any())).thenReturn("13912345678");
    }

    @Test
    void eachKindOnItsDayOnceAndNothingOnOtherDays() {
        schedule(installment(1, DUE, InstallmentStatus.PENDING, "0.00", "0.00"));
        for (LocalDate day = DUE.minusDays(5); !day.isAfter(DUE.plusDays(10)); day = day.plusDays(1)) {
            reminders.remind(loan, day);
            reminders.remind(loan, day);   // a second node or a re-run
        }
        assertThat(rows.values()).containsExactlyInAnyOrder("DUE_IN_3_DAYS:SENT", "DUE_TODAY:SENT",
                "OVERDUE_1_DAY:SENT", "OVERDUE_3_DAYS:SENT", "OVERDUE_7_DAYS:SENT");
        assertThat(sent).hasSize(5).allMatch(m -> m.startsWith("13912345678 【Loanflow】您的借款第1期"));
        assertThat(sent.get(4)).contains("已逾期7天");
    }

    @Test
    void paidOrSettledInstallmentsGetNothingAndTheAmountIsWhatIsStillOwed() {
        schedule(installment(1, DUE, InstallmentStatus.PAID, "175.53", "0.00"),
                installment(2, DUE, InstallmentStatus.SETTLED, "175.53", "0.00"),
                installment(3, DUE, InstallmentStatus.PARTIALLY_PAID, "100.00", "0.49"));
        var result = reminders.remind(loan, DUE.plusDays(1));
        assertThat(result.sent()).isEqualTo(1);
        // 160.53 + 15.00 + 0.49 overdue interest - 100.00 paid
        assertThat(sent).singleElement().asString().contains("第3期已逾期1天，应还76.02元（含逾期利息0.49元");
    }

    @Test
    void aFailedSendIsRecordedAndNotRetried() {
        schedule(installment(1, DUE, InstallmentStatus.PENDING, "0.00", "0.00"));
        smsDown = true;
        assertThat(reminders.remind(loan, DUE).failed()).isEqualTo(1);
        smsDown = false;
        assertThat(reminders.remind(loan, DUE)).extracting(r -> r.sent(), r -> r.alreadySent()).containsExactly(0, 1);
        assertThat(rows.values()).containsExactly("DUE_TODAY:FAILED");
        assertThat(sent).isEmpty();
    }

    private void schedule(Installment... installments) {
        when(loans.findInstallments("L1")).thenReturn(List.of(installments));
    }

    /** 160.53 principal and 15.00 interest due; paid is taken from principal first, then interest. */
    private static Installment installment(int seq, LocalDate due, InstallmentStatus status, String paid, String penalty) {
        BigDecimal principalDue = new BigDecimal("160.53");
        BigDecimal interestDue = new BigDecimal("15.00");
        BigDecimal paidAmount = new BigDecimal(paid);
        BigDecimal principalPaid = paidAmount.min(principalDue);
        BigDecimal interestPaid = paidAmount.subtract(principalPaid);
        return new Installment("I" + seq, "L1", seq, due, principalDue, interestDue, principalPaid, interestPaid, status, 0,
                BigDecimal.ZERO, new BigDecimal(penalty), BigDecimal.ZERO);
    }
}
