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

    /** The channel's 400 codes that refuse the payout for its card: final, the borrower's to resolve. */
    static final java.util.Set<String> CARD_REFUSALS = java.util.Set.of("INVALID_CARD", "CARD_CLOSED", "CARD_FROZEN");

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
        if ("FAILED".equals(order.status())) {
            // refused by the channel on an earlier attempt whose BPMN error did not reach the engine (it was down, or
            // the lock ran out): no callback follows a refusal, so completing would leave the process waiting for
            // ever; the refusal is thrown again, with the code on record
            refused(task, service, applicationId, order, null);
            return;
        }
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
        if (answer.status() == 400 && CARD_REFUSALS.contains(answer.code())) {
            // the channel refused the request for the card (closed since the application, say): no money moves for
            // it, so the payout fails for good, on record first, and the application ends as a failed payout
            refused(task, service, applicationId, order, answer.code());
            return;
        }
        if (!answer.acceptedFor(order.requestId())) {
            // anything else refused (INVALID_REQUEST, REQUEST_ID_REUSED, a bad signature or credentials) is ours to
            // fix, and REQUEST_ID_REUSED may mean an earlier request under this id was paid: operations decide
            throw new IllegalStateException("Channel refused payout " + order.requestId() + ": " + answer.status()
                    + " " + answer.code());
        }
        platform.markSent(order.disbursementId());
        log.info("send-payout for application {}: {} accepted by the channel", applicationId, order);
        service.complete(task);
    }

    /** Records the refusal (idempotent: again it returns the code on record) and ends the task with PAYOUT_REFUSED. */
    private void refused(ExternalTask task, ExternalTaskService service, String applicationId, PayoutOrder order,
                         String channelCode) {
        String failureCode = platform.markRefused(order.disbursementId(), channelCode);
        log.warn("send-payout for application {}: {} refused by the channel ({})", applicationId, order.requestId(),
                failureCode);
        service.handleBpmnError(task, PAYOUT_REFUSED, "Channel refused payout " + order.requestId() + ": "
                + failureCode, java.util.Map.of("payoutFailureCode", failureCode));
    }
}
