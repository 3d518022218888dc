package com.loanflow.workers.payment;

import com.loanflow.workers.platform.PayoutOrder;
import com.loanflow.workers.platform.PlatformClient;
import com.loanflow.workers.platform.RetryableFailure;
import com.loanflow.workers.platform.TaskFailures;
import com.loanflow.workers.platform.TopicHandler;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * send-payout: asks the platform for the application's disbursement (created once, same requestId every time) and
 * sends it to the channel. The result arrives later as a callback, so completing only means "sent".
 */
@Component
public class SendPayoutHandler extends TopicHandler {

    private static final Logger log = LoggerFactory.getLogger(SendPayoutHandler.class);

    /** The BPMN error Task_SendPayout's boundary event catches (loan-application.bpmn). */
    static final String PAYOUT_REFUSED = "PAYOUT_REFUSED";

    private final PlatformClient platform;
    private final ChannelClient channel;

    public SendPayoutHandler(TaskFailures failures, PlatformClient platform, ChannelClient channel) {
        super(failures);
        this.platform = platform;
        this.channel = channel;
    }

    @Override
    public String topic() {
        return "send-payout";
    }

    @Override
    protected void handle(ExternalTask task, ExternalTaskService service, String applicationId) {
        PayoutOrder order = platform.requestDisbursement(applicationId);
        if (order.decided()) {
            // The callback beat a retry of this task: sending again would be pointless (and is never a second payout).
            log.info("send-payout for application {}: {} already {}", applicationId, order.disbursementId(), order.status());
            service.complete(task);
            return;
        }
        ChannelClient.Answer answer = channel.sendPayout(order);
        if (answer.busy()) {
            throw new RetryableFailure("Channel busy (" + answer.status() + " " + answer.code() + ")");
        }
        if (answer.status() >= 500) {
            throw new RetryableFailure("Channel answered " + answer.status());
        }
        if (answer.status() == 200 && !answer.acceptedFor(order.requestId())) {
            // not the channel's acceptance of this request: ask again rather than wait for a callback that won't come
            throw new RetryableFailure("Channel answered 200 without accepting " + order.requestId());
        }
        if (answer.status() == 400) {
            // the channel refused the request itself (the card closed since the application, say): no money moves
            // for it, so the payout fails for good, on record first, and the application ends as a failed payout
            String failureCode = platform.markRefused(order.disbursementId(), answer.code());
            log.warn("send-payout for application {}: {} refused by the channel ({})", applicationId,
                    order.requestId(), failureCode);
            service.handleBpmnError(task, PAYOUT_REFUSED, "Channel refused payout " + order.requestId() + ": 400 "
                    + failureCode, java.util.Map.of("payoutFailureCode", failureCode));
            return;
        }
        if (!answer.acceptedFor(order.requestId())) {
            // 401/403/409: our signature, credentials or request id are wrong, which operations must see (incident)
            throw new IllegalStateException("Channel refused payout " + order.requestId() + ": " + answer.status()
                    + " " + answer.code());
        }
        platform.markSent(order.disbursementId());
        log.info("send-payout for application {}: {} accepted by the channel", applicationId, order);
        service.complete(task);
    }
}
