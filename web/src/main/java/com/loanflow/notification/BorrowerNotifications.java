package com.loanflow.notification;

import com.loanflow.application.ApplicationStatusChanged;
import com.loanflow.borrower.Borrowers;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/** Tells the borrower by SMS when their application reaches an outcome; driven by the status events on RabbitMQ. */
@Component
class BorrowerNotifications {

    static final String QUEUE = "loanflow.borrower-notifications";
    static final String FAILED_QUEUE = QUEUE + ".failed";

    private final Borrowers borrowers;
    private final SmsGateway sms;

    BorrowerNotifications(Borrowers borrowers, SmsGateway sms) {
        this.borrowers = borrowers;
        this.sms = sms;
    }

    @RabbitListener(queues = QUEUE)
    void on(ApplicationStatusChanged event) {
        String text = switch (event.status()) {
            case REJECTED -> "【Loanflow】很抱歉，您的借款申请未通过。原因代码：" + event.reasonCodes() + "，详情请在App内查看。";
            case ACTIVE -> "【Loanflow】您的借款已放款至尾号银行卡，请按时还款。";
            case DISBURSEMENT_FAILED -> "【Loanflow】放款失败，借款已取消，未产生任何费用。请核对银行卡后重新申请。";
            case SETTLED -> "【Loanflow】您的借款已全部结清，感谢您的信任。";
            default -> null;
        };
        if (text != null) {
            sms.send(borrowers.phone(borrowers.get(event.borrowerId())), text);
        }
    }
}
