package com.loanflow.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class DeviceLogRetentionTest {

    @Test
    void thePurgeDeletesWhatIsOlderThanTheRetentionMeasuredOnTheClock() {
        DeviceEventMapper mapper = mock(DeviceEventMapper.class);
        when(mapper.deleteBefore(any())).thenReturn(3);
        Clock clock = Clock.fixed(Instant.parse("2026-07-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

        int deleted = new DeviceLogRetention(mapper, clock, Duration.ofDays(180)).purge();

        ArgumentCaptor<LocalDateTime> cutoff = ArgumentCaptor.forClass(LocalDateTime.class);
        verify(mapper).deleteBefore(cutoff.capture());
        assertThat(cutoff.getValue()).isEqualTo(LocalDateTime.parse("2026-01-02T10:00:00"));
        assertThat(deleted).isEqualTo(3);
        // rows unlinked from erased accounts: 30 days, the IP index an hour
        verify(mapper).deleteUnlinkedBefore(LocalDateTime.parse("2026-06-01T10:00:00"), DeviceEvent.UNLINKED_PREFIX);
        verify(mapper).clearUnlinkedIpBefore(LocalDateTime.parse("2026-07-01T09:00:00"), DeviceEvent.UNLINKED_PREFIX);
    }
}
