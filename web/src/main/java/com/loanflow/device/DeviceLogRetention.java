package com.loanflow.device;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Behaviour/device logs are kept for risk analysis for 180 days (configurable), then deleted. Rows unlinked from an
 * erased account are kept only while a fraud signal counts them: 30 days, the IP index an hour (at the next run).
 */
@Component
class DeviceLogRetention {

    private static final Logger log = LoggerFactory.getLogger(DeviceLogRetention.class);

    private final DeviceEventMapper mapper;
    private final Clock clock;
    private final Duration retention;

    DeviceLogRetention(DeviceEventMapper mapper, Clock clock,
                       @Value("${loanflow.device.retention:P180D}") Duration retention) {
        this.mapper = mapper;
        this.clock = clock;
        this.retention = retention;
    }

    /** Deletes every row older than the retention; returns how many. Runs daily (03:30 by default). */
    @Scheduled(cron = "${loanflow.device.purge-cron:0 30 3 * * *}")
    int purge() {
        LocalDateTime now = LocalDateTime.now(clock);
        int deleted = mapper.deleteBefore(now.minus(retention));
        deleted += mapper.deleteUnlinkedBefore(now.minus(FraudSignals.SHARED_DEVICE_WINDOW), DeviceEvent.UNLINKED_PREFIX);
        mapper.clearUnlinkedIpBefore(now.minus(FraudSignals.IP_BURST_WINDOW), DeviceEvent.UNLINKED_PREFIX);
        if (deleted > 0) {
            log.info("Purged {} device/behaviour log rows older than {}", deleted, retention);
        }
        return deleted;
    }
}
