package com.loanflow.repayment;

import com.loanflow.borrower.Borrowers;
import com.loanflow.loan.Installment;
import com.loanflow.loan.Loan;
import com.loanflow.loan.LoanMapper;
import com.loanflow.notification.SmsGateway;
import com.loanflow.shared.Ids;
import com.loanflow.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Reminders before an installment falls due and notices after it is missed, by SMS to the borrower only (the platform
 * holds no contacts, so nobody else is ever told). Each kind goes out at most once per installment: its row in
 * repayment_reminder (unique loan, installment, kind) is claimed before the message is sent, so a second node or a
 * re-run skips it, and a message that fails is recorded FAILED rather than retried into a flood. The job runs at
 * 09:30, inside the hours a borrower may be messaged; an installment paid meanwhile gets no notice.
 */
@Service
public class RepaymentReminders {

    /** When each message goes, in days after the due date (negative: before it). */
    public enum Kind {
        DUE_IN_3_DAYS(-3), DUE_TODAY(0), OVERDUE_1_DAY(1), OVERDUE_3_DAYS(3), OVERDUE_7_DAYS(7);

        final int daysAfterDue;

        Kind(int daysAfterDue) {
            this.daysAfterDue = daysAfterDue;
        }

        static Optional<Kind> on(long daysAfterDue) {
            return Arrays.stream(values()).filter(k -> k.daysAfterDue == daysAfterDue).findFirst();
        }
    }

    public record Result(LocalDate day, int sent, int alreadySent, int failed) {
        Result plus(Result other) {
            return new Result(day, sent + other.sent, alreadySent + other.alreadySent, failed + other.failed);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(RepaymentReminders.class);

    private final LoanMapper loans;
    private final RepaymentReminderMapper reminders;
    private final Borrowers borrowers;
    private final SmsGateway sms;
    private final Clock clock;

    RepaymentReminders(LoanMapper loans, RepaymentReminderMapper reminders, Borrowers borrowers, SmsGateway sms,
                       Clock clock) {
        this.loans = loans;
        this.reminders = reminders;
        this.borrowers = borrowers;
        this.sms = sms;
        this.clock = clock;
    }

    @Scheduled(cron = "${loanflow.reminders.cron:0 30 9 * * *}")
    void remindToday() {
        Result result = remind(LocalDate.now(clock));
        log.info("Repayment reminders for {}: {} sent, {} sent before, {} failed", result.day(), result.sent(),
                result.alreadySent(), result.failed());
    }

    /** Every active loan's reminders and notices for that day. */
    public Result remind(LocalDate today) {
        Result total = new Result(today, 0, 0, 0);
        for (Loan loan : loans.findActive()) {
            total = total.plus(remind(loan, today));
        }
        return total;
    }

    /** One loan's reminders and notices for that day (each claimed, then sent, outside any transaction). */
    public Result remind(Loan loan, LocalDate today) {
        int sent = 0;
        int already = 0;
        int failed = 0;
        for (Installment installment : loans.findInstallments(loan.id())) {
            if (installment.status().isClosed() || installment.isPaid()) {
                continue;
            }
            Optional<Kind> kind = Kind.on(ChronoUnit.DAYS.between(installment.dueDate(), today));
            if (kind.isEmpty()) {
                continue;
            }
            BigDecimal owed = installment.principalOwed().add(installment.interestOwed()).add(installment.penaltyOwed());
            String id = Ids.newId();
            try {
                reminders.claim(id, loan.id(), installment.seq(), kind.get().name(), owed, LocalDateTime.now(clock));
            } catch (DuplicateKeyException sentBefore) {
                already++;
                continue;
            }
            try {
                sms.send(borrowers.phone(borrowers.get(loan.borrowerId())), text(kind.get(), installment, owed));
                reminders.mark(id, "SENT");
                sent++;
            } catch (RuntimeException e) {
                reminders.mark(id, "FAILED");
                failed++;
                log.warn("Reminder {} for loan {} installment {} not sent: {}", kind.get(), loan.id(),
                        installment.seq(), e.toString());
            }
        }
        return new Result(today, sent, already, failed);
    }

    /** Plain facts and what to do; overdue notices name the overdue interest and offer to talk, never threaten. */
    static String text(Kind kind, Installment installment, BigDecimal owed) {
        String which = "您的借款第" + installment.seq() + "期";
        String amount = "应还" + Money.format(owed) + "元";
        return "【Loanflow】" + switch (kind) {
            case DUE_IN_3_DAYS -> which + "将于" + installment.dueDate() + "到期，" + amount + "。可在App内从绑定的银行卡还款。";
            case DUE_TODAY -> which + "今天（" + installment.dueDate() + "）到期，" + amount
                    + "。今天还款不产生逾期利息。";
            case OVERDUE_1_DAY, OVERDUE_3_DAYS, OVERDUE_7_DAYS -> which + "已逾期" + kind.daysAfterDue + "天，" + amount
                    + "（含逾期利息" + Money.format(installment.penaltyOwed()) + "元，按日计收）。如还款有困难，请联系客服协商还款安排。";
        };
    }
}
