package com.loanflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.loanflow.application.ApplicationStatus;
import com.loanflow.application.ApplicationStatusChanged;
import com.loanflow.e2e.PlatformTest;
import com.loanflow.shared.Ids;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A status event the notifier cannot handle (its borrower does not exist) is tried three times and then parked in
 * the ".failed" queue with the reason, instead of being requeued forever in a hot loop; the queue keeps flowing.
 */
@PlatformTest
class FailedNotificationTest {

    @Autowired
    RabbitTemplate rabbit;

    @Test
    void anEventForAnUnknownBorrowerIsParkedInTheFailedQueueAfterThreeAttempts() {
        String unknownBorrower = "no-such-borrower-" + Ids.newId();
        ApplicationStatusChanged event = new ApplicationStatusChanged(Ids.newId(), unknownBorrower,
                ApplicationStatus.REJECTED, "R_AGE", Instant.now());

        rabbit.convertAndSend(ApplicationStatusChanged.EXCHANGE, event.routingKey(), event);

        Message parked = awaitParked(unknownBorrower);
        assertThat(parked).as("parked in " + BorrowerNotifications.FAILED_QUEUE).isNotNull();
        assertThat((String) parked.getMessageProperties().getHeader("x-exception-message"))
                .contains("Borrower not found");
        assertThat((String) parked.getMessageProperties().getHeader("x-original-routingKey"))
                .isEqualTo("application.status.REJECTED");

        // the notifier keeps working: a later event for the same unknown borrower is parked too, not stuck behind
        rabbit.convertAndSend(ApplicationStatusChanged.EXCHANGE, event.routingKey(), event);
        assertThat(awaitParked(unknownBorrower)).isNotNull();
    }

    /** The parked message about this borrower, within 30 s; leftovers of other runs are taken off on the way. */
    private Message awaitParked(String borrowerId) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            Message next = rabbit.receive(BorrowerNotifications.FAILED_QUEUE, 1_000);
            if (next != null && new String(next.getBody(), StandardCharsets.UTF_8).contains(borrowerId)) {
                return next;
            }
        }
        return null;
    }
}
