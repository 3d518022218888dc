package com.loanflow.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.loanflow.borrower.Borrower;
import com.loanflow.borrower.Borrowers;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the recorded submission becomes signals: windows anchored at the submission, "far" only on known regions. */
class DeviceFraudSignalsTest {

    private static final LocalDateTime AT = LocalDateTime.parse("2026-03-01T12:00:00");
    private final DeviceEventMapper mapper = mock(DeviceEventMapper.class);
    private final Borrowers borrowers = mock(Borrowers.class);
    private final DeviceFraudSignals signals = new DeviceFraudSignals(mapper, borrowers, new PhoneRegions());

    private void submitted(String ipRegion, String idNumber, String phone) {
        when(mapper.findSubmission("app-1")).thenReturn(Optional.of(new DeviceEvent("e1",
                DeviceEvent.APPLICATION_SUBMITTED, "b1", "app-1", "dev-idx", "ip-idx", ipRegion, "{}", AT)));
        Borrower borrower = mock(Borrower.class);
        when(borrower.idNumberEnc()).thenReturn("enc");
        when(borrowers.get("b1")).thenReturn(borrower);
        when(borrowers.idNumber(borrower)).thenReturn(idNumber);
        when(borrowers.phone(borrower)).thenReturn(phone);
    }

    @Test
    void countsAreTakenInTheWindowsBeforeTheSubmission() {
        submitted(null, "110101199003070011", "13800000001");
        when(mapper.countBorrowersOnDevice("dev-idx", AT.minusDays(30), AT)).thenReturn(3);
        when(mapper.countSubmissionsFromIp("ip-idx", AT.minusHours(1), AT)).thenReturn(5);

        FraudSignals.Snapshot snapshot = signals.forApplication("app-1");

        assertThat(snapshot).isEqualTo(new FraudSignals.Snapshot("dev-idx", 3, 5, null, false));
    }

    @Test
    void anIpProvinceMatchingNeitherTheIdCardNorThePhoneIsFar() {
        submitted("广东省|深圳市", "110101199003070011", "13800000001"); // ID 北京, phone 北京
        assertThat(signals.forApplication("app-1").ipRegionFarFromIdentity()).isTrue();
    }

    @Test
    void anIpProvinceIsFarUnlessItMatchesTheIdCardOrThePhone() {
        submitted("北京|北京市", "440306199208150030", "13510001234"); // ID 广东, phone 广东
        assertThat(signals.forApplication("app-1").ipRegionFarFromIdentity()).isTrue();
        submitted("广东省|深圳市", "110101199003070011", "13510001234"); // phone 广东
        assertThat(signals.forApplication("app-1").ipRegionFarFromIdentity()).isFalse();
        submitted("广东省|广州市", "440306199208150030", "13800000001"); // ID 广东
        assertThat(signals.forApplication("app-1").ipRegionFarFromIdentity()).isFalse();
    }

    @Test
    void anIpRegionKnownOnlyToItsProvinceCountsToo() {
        // ip2region has no city for many mobile ranges ("中国|0|黑龙江省|0|移动"): the label is the province alone
        submitted("黑龙江省", "110101199003070011", "13800000001"); // ID 北京, phone 北京
        assertThat(signals.forApplication("app-1").ipRegionFarFromIdentity()).isTrue();
        submitted("北京市", "110101199003070011", "13800000001");
        assertThat(signals.forApplication("app-1").ipRegionFarFromIdentity()).isFalse();
        assertThat(DeviceFraudSignals.ipProvince("中国")).as("China, province unknown").isEmpty();
    }

    @Test
    void anUnknownOrForeignIpRegionIsNeverFarAndNeedsNoPersonalData() {
        submitted(null, "110101199003070011", "13800000001");
        assertThat(signals.forApplication("app-1").ipRegionFarFromIdentity()).isFalse();
        submitted("美国", "110101199003070011", "13800000001");
        assertThat(signals.forApplication("app-1").ipRegionFarFromIdentity()).isFalse();
        verify(borrowers, never()).idNumber(any());
    }

    @Test
    void anApplicationWithoutARecordedSubmissionHasNoSignals() {
        when(mapper.findSubmission("old")).thenReturn(Optional.empty());
        assertThat(signals.forApplication("old")).isEqualTo(new FraudSignals.Snapshot(null, 0, 0, null, false));
        verify(mapper, never()).countBorrowersOnDevice(any(), any(), any());
    }

    @Test
    void aSubmissionFromALoopbackAddressCountsOnlyItselfFromThatIp() {
        when(mapper.findSubmission("app-2")).thenReturn(Optional.of(new DeviceEvent("e2",
                DeviceEvent.APPLICATION_SUBMITTED, "b1", "app-2", null, null, null, "{}", AT)));
        FraudSignals.Snapshot snapshot = signals.forApplication("app-2");
        assertThat(snapshot.applicationsFromIpLastHour()).isEqualTo(1);
        assertThat(snapshot.borrowersOnDeviceLast30Days()).isZero();
        verify(mapper, never()).countSubmissionsFromIp(eq(null), any(), any());
    }
}
