package com.loanflow.shared.outbox;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.Period;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes, daily, events published and handled-message records older than {@code loanflow.outbox.retention} (7 days,
 * far past any broker redelivery), in batches so no delete holds locks for long. Unpublished events are never deleted.
 */
@Component
public class OutboxHousekeeping {

    static final int BATCH = 1_000;
    private static final Logger log = LoggerFactory.getLogger(OutboxHousekeeping.class);

    private final OutboxMapper mapper;
    private final Clock clock;
    private final Period retention;

    OutboxHousekeeping(OutboxMapper mapper, Clock clock, @Value("${loanflow.outbox.retention:P7D}") Period retention) {
        this.mapper = mapper;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(cron = "${loanflow.outbox.housekeeping-cron:0 40 3 * * *}")
    void daily() {
        try {
            Result result = deleteOlderThanRetention();
            log.info("Outbox housekeeping: {} published events and {} handled-message records deleted",
                    result.events(), result.handled());
        } catch (RuntimeException e) {
            log.warn("Outbox housekeeping failed; tried again tomorrow: {}", e.toString());
        }
    }

    public record Result(int events, int handled) {
    }

    /** Deletes what is older than the retention; returns how many rows of each table went. */
    public Result deleteOlderThanRetention() {
        LocalDateTime before = LocalDateTime.now(clock).minus(retention);
        int events = 0;
        for (int deleted = BATCH; deleted == BATCH; events += deleted) {
            deleted = mapper.deletePublishedBefore(before, BATCH);
        }
        int handled = 0;
        for (int deleted = BATCH; deleted == BATCH; handled += deleted) {
            deleted = mapper.deleteHandledBefore(before, BATCH);
        }
        return new Result(events, handled);
    }
}
