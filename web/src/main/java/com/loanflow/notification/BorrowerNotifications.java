package com.loanflow.notification;

import com.loanflow.application.ApplicationStatusChanged;
import com.loanflow.borrower.Borrowers;
import com.loanflow.loan.Installment;
import com.loanflow.loan.LoanMapper;
import com.loanflow.shared.Money;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/** Tells the borrower by SMS when their application reaches an outcome; driven by the status events on RabbitMQ. */
@Component
class BorrowerNotifications {

    static final String QUEUE = "loanflow.borrower-notifications";
    static final String FAILED_QUEUE = QUEUE + ".failed";

    private final Borrowers borrowers;
    private final SmsGateway sms;
    private final LoanMapper loans;

    BorrowerNotifications(Borrowers borrowers, SmsGateway sms, LoanMapper loans) {
        this.borrowers = borrowers;
        this.sms = sms;
        this.loans = loans;
    }

    @RabbitListener(queues = QUEUE)
    void on(ApplicationStatusChanged event) {
        String text = switch (event.status()) {
            case REJECTED -> "【Loanflow】很抱歉，您的借款申请未通过。原因代码：" + event.reasonCodes() + "，详情请在App内查看。";
            case ACTIVE -> activated(event.applicationId());
            case DISBURSEMENT_FAILED -> "【Loanflow】放款失败，借款已取消，未产生任何费用。请核对银行卡后重新申请。";
            case SETTLED -> "【Loanflow】您的借款已全部结清，感谢您的信任。";
            default -> null;
        };
        String phone = text == null ? null : borrowers.phone(borrowers.get(event.borrowerId()));
        if (phone != null) {   // none once a closed account is erased (ADR 0024): nobody to tell
            sms.send(phone, text);
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
