package com.loanflow.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.shared.BlindIndex;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** What a submission leaves in the log: keyed hashes and coarse values, never the raw device id or IP. */
class DeviceLogTest {

    private final DeviceEventMapper mapper = mock(DeviceEventMapper.class);
    private final BlindIndex blindIndex = new BlindIndex(new byte[32]);
    private final DeviceLog log = new DeviceLog(mapper, blindIndex, new IpRegions(),
            Clock.fixed(Instant.parse("2026-03-01T04:00:00Z"), ZoneOffset.UTC));

    @Test
    void aSubmissionIsRecordedWithHashedDeviceAndIpAndTheIpsRegion() throws Exception {
        when(mapper.findSubmission("app-1")).thenReturn(Optional.empty());

        log.recordSubmission("app-1", "b1", new ClientDevice("device-0001-abcd", "ANDROID", "3.1.0"),
                "202.96.134.133");

        ArgumentCaptor<DeviceEvent> event = ArgumentCaptor.forClass(DeviceEvent.class);
        verify(mapper).insert(event.capture());
        DeviceEvent e = event.getValue();
        assertThat(e.deviceIdx()).isEqualTo(blindIndex.of("device-id", "device-0001-abcd")).hasSize(64);
        assertThat(e.ipIdx()).isEqualTo(blindIndex.of("client-ip", "202.96.134.133"));
        assertThat(e.ipRegion()).isEqualTo("广东省|深圳市");
        assertThat(new ObjectMapper().readValue(e.attributes(), Map.class)).containsEntry("platform", "ANDROID")
                .containsEntry("appVersion", "3.1.0").containsEntry("maskedDeviceId", "****abcd")
                .containsEntry("ipPrefix", "202.96.134.0/24");
        assertThat(e.toString()).doesNotContain("device-0001-abcd").doesNotContain("202.96.134.133");
    }

    @Test
    void aReplayedSubmissionRecordsNothingNew() {
        when(mapper.findSubmission("app-1")).thenReturn(Optional.of(mock(DeviceEvent.class)));
        log.recordSubmission("app-1", "b1", null, "202.96.134.133");
        verify(mapper, never()).insert(org.mockito.ArgumentMatchers.any());
    }

    @Test
    void loopbackAndPrivateAddressesAreNotClientIdentities() {
        assertThat(DeviceLog.clientIdentifying("127.0.0.1")).isFalse();
        assertThat(DeviceLog.clientIdentifying("192.168.3.4")).isFalse();
        assertThat(DeviceLog.clientIdentifying("0:0:0:0:0:0:0:1")).isFalse();
        assertThat(DeviceLog.clientIdentifying("fd12:3456::1")).isFalse();
        assertThat(DeviceLog.clientIdentifying("202.96.134.133")).isTrue();
        assertThat(DeviceLog.clientIdentifying("2400:3200::1")).isTrue();
        assertThat(DeviceLog.ipPrefix("2400:3200:0:1::1")).isEqualTo("2400:3200:0::/48");
    }
}
