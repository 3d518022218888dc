package com.loanflow.notification;

import com.loanflow.application.ApplicationStatusChanged;
import com.loanflow.borrower.Borrowers;
import com.loanflow.loan.Installment;
import com.loanflow.loan.LoanMapper;
import com.loanflow.risk.ReasonCodeDescriptions;
import com.loanflow.shared.Money;
import com.loanflow.shared.outbox.OutboxMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the borrower by SMS when their application reaches an outcome; driven by the status events on RabbitMQ. */
@Component
class BorrowerNotifications {

    static final String QUEUE = "loanflow.borrower-notifications";
    static final String FAILED_QUEUE = QUEUE + ".failed";
    static final String CONSUMER = "borrower-notifications";
    private static final Logger log = LoggerFactory.getLogger(BorrowerNotifications.class);

    private final Borrowers borrowers;
    private final SmsGateway sms;
    private final LoanMapper loans;
    private final OutboxMapper outbox;
    private final Clock clock;
    private final ReasonCodeDescriptions reasons;

    BorrowerNotifications(Borrowers borrowers, SmsGateway sms, LoanMapper loans, OutboxMapper outbox, Clock clock,
                          ReasonCodeDescriptions reasons) {
        this.reasons = reasons;
        this.borrowers = borrowers;
        this.sms = sms;
        this.loans = loans;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Once per event: the outbox publishes at least once, so the message id is recorded with the SMS in one
     * transaction and a redelivery finds it (a failed send rolls both back, and the retry sends).
     */
    @RabbitListener(queues = QUEUE)
    @Transactional
    public void on(ApplicationStatusChanged event,
                   @Header(name = AmqpHeaders.MESSAGE_ID, required = false) String messageId) {
        String text = switch (event.status()) {
            case REJECTED -> rejected(event.reasonCodes(), reasons);
            case ACTIVE -> activated(event.applicationId());
            case DISBURSEMENT_FAILED -> disbursementFailed(event.reasonCodes());
            case SETTLED -> "【Loanflow】您的借款已全部结清，感谢您的信任。";
            case CANCELLED -> cancelled(event.reasonCodes());
            default -> null;
        };
        String phone = text == null ? null : borrowers.phone(borrowers.get(event.borrowerId()));
        if (phone == null) {   // nothing to say, or a closed account erased (ADR 0024): nobody to tell
            return;
        }
        if (messageId != null && !firstDelivery(messageId)) {
            log.info("Event {} for application {} was handled already; not sent again", messageId, event.applicationId());
            return;
        }
        sms.send(phone, text);
    }

    /**
     * The channel's refusals that are about the borrower's card (its answer to the request, INVALID_CARD, or its
     * callback's, CARD_INVALID): only these ask them to check it.
     */
    static final java.util.Set<String> CARD_FAILURES = java.util.Set.of("D_INVALID_CARD", "D_CARD_INVALID", "D_CARD_CLOSED",
            "D_CARD_FROZEN");

    /**
     * A payout that failed because of the card asks the borrower to check it; any other failure (the channel's, ours, a
     * payment confirmed as not made) is not blamed on them.
     */
    static String disbursementFailed(String reasonCodes) {
        List<String> codes = reasonCodes == null ? List.of() : Arrays.asList(reasonCodes.split(","));
        return codes.stream().anyMatch(CARD_FAILURES::contains)
                ? "【Loanflow】放款失败，借款已取消，未产生任何费用。收款银行卡无法入账，请核对银行卡后重新申请。"
                : "【Loanflow】放款未能完成（并非您的原因），借款已取消，未产生任何费用。您可重新申请，如有疑问请联系客服。";
    }

    /**
     * A cancellation the borrower did not ask for is told, and why: a review the platform did not finish in time (its
     * own failure: the borrower waited and heard nothing) or a contract left unsigned. Their own withdrawal is not:
     * they did it, and the app answered it.
     */
    static String cancelled(String reasonCodes) {
        List<String> codes = reasonCodes == null ? List.of() : Arrays.asList(reasonCodes.split(","));
        if (codes.contains(com.loanflow.application.Applications.WITHDRAWN_BY_BORROWER)) {
            return null;
        }
        if (codes.contains("R_REVIEW_TIMEOUT")) {
            return "【Loanflow】很抱歉，您的借款申请未能在审核时限内完成人工审核，已自动取消，未产生任何费用。如仍需借款，可重新申请。";
        }
        if (codes.contains("R_CONTRACT_NOT_SIGNED")) {
            return "【Loanflow】您的借款合同未在签署期限内签署，申请已取消，未产生任何费用。如仍需借款，可重新申请。";
        }
        return "【Loanflow】您的借款申请已取消，未产生任何费用。如仍需借款，可重新申请。";
    }

    /**
     * The main reason in plain words, not a code: the first rule or route reason, or for a rejection in review the
     * reviewer's; the rest, and the model's adverse factors, are on the application's page in the app.
     */
    static String rejected(String reasonCodes, ReasonCodeDescriptions reasons) {
        List<String> codes = reasonCodes == null || reasonCodes.isBlank() ? List.of()
                : Arrays.asList(reasonCodes.split(","));
        String main = codes.stream().filter(c -> c.startsWith("R_") && !c.equals("R_REVIEW_REJECTED")).findFirst()
                .orElse(codes.isEmpty() ? null : codes.get(0));
        return "【Loanflow】很抱歉，您的借款申请未通过"
                + (main == null ? "" : "，主要原因：" + reasons.describeInChinese(main))
                + "。全部原因及影响评分的因素请在App内查看。";
    }

    private boolean firstDelivery(String messageId) {
        try {
            outbox.insertHandled(CONSUMER, messageId, LocalDateTime.now(clock));
            return true;
        } catch (DuplicateKeyException redelivered) {
            return false;
        }
    }

    /**
     * The actual first due date, dated from the payout: the contract's schedule was computed on the signing day and
     * moves with a later payout (contract 1.2 第三条 promises this message).
     */
    private String activated(String applicationId) {
        var loan = loans.findByApplicationId(applicationId)
                .orElseThrow(() -> new IllegalStateException("Application " + applicationId + " is ACTIVE without a loan"));
        Installment first = loans.findInstallments(loan.id()).stream().filter(i -> i.seq() == 1).findFirst()
                .orElseThrow(() -> new IllegalStateException("Loan " + loan.id() + " has no schedule"));
        return "【Loanflow】您的借款已放款，首期还款日为" + first.dueDate() + "，应还"
                + Money.format(first.principalDue().add(first.interestDue())) + "元，共" + loan.termMonths()
                + "期，请按时还款。";
    }
}
