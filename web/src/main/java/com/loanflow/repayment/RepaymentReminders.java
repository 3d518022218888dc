package com.loanflow.repayment;

import com.loanflow.borrower.Borrowers;
import com.loanflow.loan.Installment;
import com.loanflow.loan.Loan;
import com.loanflow.loan.LoanMapper;
import com.loanflow.loan.SettlementQuote;
import com.loanflow.notification.SmsGateway;
import com.loanflow.shared.Ids;
import com.loanflow.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Reminders before an installment falls due and notices after it is missed, by SMS to the borrower only (the platform
 * holds no contacts, so nobody else is ever told). Rules, each because a borrower could otherwise be misled or pestered:
 * <ul>
 *   <li>each kind at most once per installment and due date: its row in repayment_reminder (unique) is claimed before
 *   the message goes, so a second node or a re-run skips it; a failed send is recorded FAILED, not retried;</li>
 *   <li>each kind has a window up to the next one, so a day without a run (a deploy, a node down) is caught up the next
 *   day, and only the latest kind due is sent;</li>
 *   <li>at most one message per loan and day, and none while a payment for the loan is in flight (a withholding not
 *   yet answered, a bank transfer awaiting approval): it comes the next day if still owed;</li>
 *   <li>the amount is everything owed up to that installment (money is applied oldest first, so paying only the
 *   newer one would leave the older one overdue), never more than what settles the loan that day (more is refused).</li>
 * </ul>
 * One loan's failure is logged and the run goes on with the next loan.
 */
@Service
public class RepaymentReminders {

    /** When each message goes, in days after the due date (negative: before it), up to the next kind's day. */
    public enum Kind {
        DUE_IN_3_DAYS(-3), DUE_TODAY(0), OVERDUE_1_DAY(1), OVERDUE_3_DAYS(3), OVERDUE_7_DAYS(7);

        /** How long after its first day the last kind may still be caught up. */
        static final int LAST_WINDOW_DAYS = 7;

        final int fromDay;

        Kind(int fromDay) {
            this.fromDay = fromDay;
        }

        /** The first and last day after a due date (negative: before it) on which any kind is sent. */
        static int firstDay() {
            return values()[0].fromDay;
        }

        static int lastDay() {
            return values()[values().length - 1].fromDay + LAST_WINDOW_DAYS - 1;
        }

        /** The kind whose window holds this day, if any. */
        static Optional<Kind> on(long daysAfterDue) {
            Kind[] kinds = values();
            for (int i = kinds.length - 1; i >= 0; i--) {
                long until = i == kinds.length - 1 ? kinds[i].fromDay + LAST_WINDOW_DAYS : kinds[i + 1].fromDay;
                if (daysAfterDue >= kinds[i].fromDay && daysAfterDue < until) {
                    return Optional.of(kinds[i]);
                }
            }
            return Optional.empty();
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
    private final WithholdingMapper withholdings;
    private final RepaymentMapper repayments;
    private final Borrowers borrowers;
    private final SmsGateway sms;
    private final Clock clock;

    RepaymentReminders(LoanMapper loans, RepaymentReminderMapper reminders, WithholdingMapper withholdings,
                       RepaymentMapper repayments, Borrowers borrowers, SmsGateway sms, Clock clock) {
        this.loans = loans;
        this.reminders = reminders;
        this.withholdings = withholdings;
        this.repayments = repayments;
        this.borrowers = borrowers;
        this.sms = sms;
        this.clock = clock;
    }

    /** 09:30 in the borrowers' time zone, whatever the server's: inside the hours a borrower may be messaged. */
    @Scheduled(cron = "${loanflow.reminders.cron:0 30 9 * * *}", zone = "${loanflow.reminders.zone:Asia/Shanghai}")
    void remindToday() {
        int stale = reminders.countClaimedBefore(LocalDateTime.now(clock).minusHours(1));
        if (stale > 0) {
            log.warn("{} repayment reminders were claimed over an hour ago and never marked sent or failed (a run was"
                    + " interrupted): look at repayment_reminder rows in status CLAIMED", stale);
        }
        Result result = remind(LocalDate.now(clock));
        log.info("Repayment reminders for {}: {} sent, {} sent before, {} failed", result.day(), result.sent(),
                result.alreadySent(), result.failed());
    }

    /**
     * Every active loan's message for that day; a loan that fails is logged and skipped, the others go on. Only loans
     * with an open installment inside some kind's window are read (three queries each), not every active loan.
     */
    public Result remind(LocalDate today) {
        Result total = new Result(today, 0, 0, 0);
        for (Loan loan : loans.findActiveWithOpenInstallmentDueBetween(today.minusDays(Kind.lastDay()),
                today.minusDays(Kind.firstDay()))) {
            try {
                total = total.plus(remind(loan, today));
            } catch (RuntimeException e) {
                log.error("Repayment reminders for loan {} failed: {}", loan.id(), e.getClass().getName());
                total = total.plus(new Result(today, 0, 0, 1));
            }
        }
        return total;
    }

    /** One loan's message for that day, if any (claimed, then sent, outside any transaction). */
    public Result remind(Loan loan, LocalDate today) {
        if (withholdings.sumOpen(loan.id()).signum() > 0 || repayments.sumPendingTransfers(loan.id(), null).signum() > 0) {
            return new Result(today, 0, 0, 0);   // a payment is on its way: tomorrow, if still owed
        }
        List<Installment> schedule = loans.findInstallments(loan.id());
        List<Installment> open = schedule.stream().filter(i -> !i.status().isClosed() && !i.isPaid()).toList();
        int already = 0;
        for (Installment installment : open) {
            long daysAfterDue = ChronoUnit.DAYS.between(installment.dueDate(), today);
            Optional<Kind> kind = Kind.on(daysAfterDue);
            if (kind.isEmpty()) {
                continue;
            }
            BigDecimal owed = open.stream().filter(i -> !i.dueDate().isAfter(installment.dueDate()))
                    .map(RepaymentReminders::owed).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .min(SettlementQuote.of(loan, schedule, today).total());
            BigDecimal penalty = open.stream().filter(i -> !i.dueDate().isAfter(installment.dueDate()))
                    .map(Installment::penaltyOwed).reduce(BigDecimal.ZERO, BigDecimal::add);
            boolean earlierOverdue = open.stream().anyMatch(i -> i.dueDate().isBefore(installment.dueDate())
                    && i.dueDate().isBefore(today));
            String id = Ids.newId();
            try {
                reminders.claim(id, loan.id(), installment.seq(), installment.dueDate(), kind.get().name(), owed,
                        LocalDateTime.now(clock));
            } catch (DuplicateKeyException sentBefore) {
                already++;
                continue;
            }
            String status;
            try {
                sms.send(borrowers.phone(borrowers.get(loan.borrowerId())),
                        text(kind.get(), installment, daysAfterDue, owed, penalty, earlierOverdue));
                status = "SENT";
            } catch (RuntimeException e) {
                status = "FAILED";
                // the class only: a carrier's message may echo the phone number
                log.warn("Reminder {} for loan {} installment {} not sent: {}", kind.get(), loan.id(), installment.seq(),
                        e.getClass().getName());
            }
            if (reminders.mark(id, status, LocalDateTime.now(clock)) != 1) {
                log.warn("Reminder {} of loan {} was not in CLAIMED when marked {}", id, loan.id(), status);
            }
            // one message per loan and day; a later installment's comes on a later day of its window
            return new Result(today, "SENT".equals(status) ? 1 : 0, already, "SENT".equals(status) ? 0 : 1);
        }
        return new Result(today, 0, already, 0);
    }

    private static BigDecimal owed(Installment installment) {
        return installment.principalOwed().add(installment.interestOwed()).add(installment.penaltyOwed());
    }

    /** Plain facts and what to do; overdue notices name the overdue interest and offer to talk, never threaten. */
    static String text(Kind kind, Installment installment, long daysAfterDue, BigDecimal owed, BigDecimal penalty,
                       boolean earlierOverdue) {
        String which = "您的借款第" + installment.seq() + "期";
        String amount = "应还" + Money.format(owed) + "元" + (earlierOverdue ? "（含此前逾期未还的款项）" : "");
        return "【Loanflow】" + switch (kind) {
            case DUE_IN_3_DAYS -> which + "将于" + installment.dueDate() + "到期，" + amount + "。可在App内从绑定的银行卡还款。";
            case DUE_TODAY -> which + "今天（" + installment.dueDate() + "）到期，" + amount
                    + (earlierOverdue ? "。逾期部分按日计收逾期利息，请尽快还款。" : "。今天还款不产生逾期利息。");
            case OVERDUE_1_DAY, OVERDUE_3_DAYS, OVERDUE_7_DAYS -> which + "已逾期" + daysAfterDue + "天，" + amount
                    + (penalty.signum() > 0 ? "（含逾期利息" + Money.format(penalty) + "元）" : "")
                    + "。逾期本金自" + installment.dueDate().plusDays(1) + "起按日计收逾期利息。如还款有困难，请联系客服协商还款安排。";
        };
    }
}
