package com.loanflow.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.e2e.PlatformTest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The device object and client IP on a real application submission, the behaviour/device log on the real database
 * (H2 by default, MariaDB with -Pintegration), the fraud signals counted from it, and the 180-day purge.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceCapturePlatformTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DeviceLog deviceLog;
    @Autowired
    DeviceEventMapper mapper;
    @Autowired
    FraudSignals fraudSignals;
    @Autowired
    Clock clock;

    PlatformHttp http;
    String token;
    String borrowerId;

    @BeforeAll
    void borrowerWithIdentity() {
        http = new PlatformHttp(port);
        String phone = PlatformHttp.beijingPhone();
        token = http.onboard(phone, PlatformHttp.beijingIdNumber());
        borrowerId = http.send("GET", "/api/v1/borrowers/me", PlatformHttp.bearer(token), null).json()
                .path("borrowerId").asText();
        if (borrowerId.isEmpty()) {
            borrowerId = jdbc.queryForObject("SELECT id FROM borrower WHERE phone_masked = ? ORDER BY created_at DESC LIMIT 1",
                    String.class, phone.substring(0, 3) + "****" + phone.substring(7));
        }
    }

    private Map<String, Object> application(Map<String, Object> device) {
        Map<String, Object> body = new HashMap<>(Map.of("amount", "1000.00", "termMonths", 6,
                "bankCardNumber", "6222020000000007", "purpose", "CONSUMPTION"));
        if (device != null) {
            body.put("device", device);
        }
        return body;
    }

    private PlatformHttp.Response submit(Map<String, Object> body) {
        Map<String, String> headers = new HashMap<>(PlatformHttp.bearer(token));
        headers.put("Idempotency-Key", "device-" + UUID.randomUUID().toString().substring(0, 18));
        return http.send("POST", "/api/v1/applications", headers, body);
    }

    private int rows(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    @Test
    void badDeviceValuesAreRefusedFieldByFieldAndNothingIsStored() {
        int applications = rows("loan_application");
        int events = rows("device_event");
        PlatformHttp.Response response = submit(application(Map.of("deviceId", "x", "platform", "SYMBIAN",
                "appVersion", "latest")));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("fieldErrors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("device.deviceId", "device.platform", "device.appVersion");
        assertThat(rows("loan_application")).isEqualTo(applications);
        assertThat(rows("device_event")).isEqualTo(events);
    }

    @Test
    void contactsCallLogsAndInstalledAppsAreRefusedNotSilentlyDropped() {
        int applications = rows("loan_application");
        Map<String, Object> body = application(Map.of("deviceId", "device-" + UUID.randomUUID(), "platform", "ANDROID",
                "installedApps", List.of("com.example.loans")));
        body.put("contacts", List.of(Map.of("name", "妈妈", "phone", "13912345678")));
        body.put("callLogs", List.of());
        PlatformHttp.Response response = submit(body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().path("fieldErrors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("callLogs", "contacts", "device.installedApps");
        assertThat(rows("loan_application")).isEqualTo(applications);
    }

    @Test
    void aSubmissionRecordsTheDeviceAsAKeyedHashInAJsonLogRowAndFeedsTheSignals() throws Exception {
        String deviceId = "device-" + UUID.randomUUID();
        PlatformHttp.Response response = submit(application(Map.of("deviceId", deviceId, "platform", "IOS",
                "appVersion", "3.12.0")));
        assertThat(response.status()).as(String.valueOf(response.json())).isEqualTo(202);
        String applicationId = response.json().path("applicationId").asText();

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM device_event WHERE application_id = ?", applicationId);
        assertThat(row.get("DEVICE_IDX")).isEqualTo(deviceLog.deviceIndex(deviceId));
        assertThat(row.toString()).doesNotContain(deviceId);
        // the JSON column holds a JSON object (not a JSON string) on every database
        Map<String, Object> attributes = new ObjectMapper().readValue(mapper.findSubmission(applicationId)
                .orElseThrow().attributes(), new TypeReference<Map<String, Object>>() { });
        assertThat(attributes).containsEntry("platform", "IOS").containsEntry("appVersion", "3.12.0")
                .containsEntry("ipPrefix", "127.0.0.0/24");

        FraudSignals.Snapshot snapshot = fraudSignals.forApplication(applicationId);
        assertThat(snapshot.deviceId()).isEqualTo(deviceLog.deviceIndex(deviceId));
        assertThat(snapshot.borrowersOnDeviceLast30Days()).isEqualTo(1);
        assertThat(snapshot.applicationsFromIpLastHour()).isEqualTo(1); // loopback: only this one is known
        assertThat(snapshot.ipRegion()).isNull();
        assertThat(snapshot.ipRegionFarFromIdentity()).isFalse();
    }

    @Test
    void aDeviceSharedByThreeBorrowersInThirtyDaysIsCountedButOlderUseIsNot() {
        String device = deviceLog.deviceIndex("shared-" + UUID.randomUUID());
        LocalDateTime at = LocalDateTime.now(clock).minusDays(40); // a window of its own, clear of other tests
        record(device, null, "other-1", at.minusDays(30).minusSeconds(1)); // a second outside the window
        record(device, null, "other-4", at.minusDays(30));                  // its first instant: inside
        record(device, null, "other-2", at.minusDays(29));
        record(device, null, "other-3", at.minusDays(2));
        record(device, null, "other-3", at.minusDays(1));                   // the same borrower again
        String applicationId = record(device, null, borrowerId, at);

        assertThat(fraudSignals.forApplication(applicationId).borrowersOnDeviceLast30Days()).isEqualTo(4);
    }

    @Test
    void applicationsFromOneIpAreCountedInTheHourBeforeTheSubmission() {
        String ipIdx = "ip-" + UUID.randomUUID();
        LocalDateTime at = LocalDateTime.now(clock).minusDays(50);
        record(null, ipIdx, "other-1", at.minusMinutes(60).minusSeconds(1)); // a second outside the hour
        record(null, ipIdx, "other-5", at.minusMinutes(60));                  // its first instant: inside
        for (int i = 1; i <= 4; i++) {
            record(null, ipIdx, "other-" + i, at.minusMinutes(10L * i));
        }
        String applicationId = record(null, ipIdx, borrowerId, at);

        assertThat(fraudSignals.forApplication(applicationId).applicationsFromIpLastHour()).isEqualTo(6);
    }

    @Test
    void anIpFarFromBothTheIdCardAndThePhoneIsFlaggedAndOneNearIsNot() {
        // the borrower's ID card and phone are both of 北京
        String far = UUID.randomUUID().toString();
        deviceLog.recordSubmission(far, borrowerId, null, "202.96.134.133"); // 广东省|深圳市
        String near = UUID.randomUUID().toString();
        deviceLog.recordSubmission(near, borrowerId, null, "61.135.169.121"); // 北京

        assertThat(fraudSignals.forApplication(far).ipRegion()).isEqualTo("广东省|深圳市");
        assertThat(fraudSignals.forApplication(far).ipRegionFarFromIdentity()).isTrue();
        assertThat(fraudSignals.forApplication(near).ipRegionFarFromIdentity()).isFalse();
    }

    @Test
    void thePurgeDeletesRowsOlderThan180DaysAndKeepsTheRest() {
        LocalDateTime now = LocalDateTime.now(clock);
        String old = record(null, null, "purge-test", now.minusDays(181));
        String kept = record(null, null, "purge-test", now.minusDays(179));

        int deleted = new DeviceLogRetention(mapper, clock, Duration.ofDays(180)).purge();

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(mapper.findSubmission(old)).isEmpty();
        assertThat(mapper.findSubmission(kept)).isPresent();
    }

    @Test
    void rowsUnlinkedFromAnErasedAccountAreKeptOnlyWhileASignalCountsThem() {
        LocalDateTime now = LocalDateTime.now(clock);
        String standIn = DeviceEvent.unlinkedBorrowerId();
        assertThat(standIn).hasSize(36).startsWith(DeviceEvent.UNLINKED_PREFIX);
        String ipIdx = "ip-" + UUID.randomUUID();
        String past = record("dev-" + UUID.randomUUID(), ipIdx, standIn, now.minusDays(31));
        String counted = record("dev-" + UUID.randomUUID(), ipIdx, standIn, now.minusDays(29));
        String thisHour = record(null, ipIdx, standIn, now.minusMinutes(10));
        String ordinary = record(null, ipIdx, "purge-test", now.minusDays(31)); // a borrower's own row: 180 days

        new DeviceLogRetention(mapper, clock, Duration.ofDays(180)).purge();

        assertThat(mapper.findSubmission(past)).as("past the 30 days").isEmpty();
        assertThat(mapper.findSubmission(counted)).hasValueSatisfying(e -> {
            assertThat(e.deviceIdx()).isNotNull();
            assertThat(e.ipIdx()).as("the hour has passed").isNull();
        });
        assertThat(mapper.findSubmission(thisHour)).hasValueSatisfying(e -> assertThat(e.ipIdx()).isNotNull());
        assertThat(mapper.findSubmission(ordinary)).hasValueSatisfying(e -> assertThat(e.ipIdx()).isNotNull());
    }

    private String record(String deviceIdx, String ipIdx, String borrower, LocalDateTime at) {
        String applicationId = UUID.randomUUID().toString();
        mapper.insert(new DeviceEvent(UUID.randomUUID().toString(), DeviceEvent.APPLICATION_SUBMITTED, borrower,
                applicationId, deviceIdx, ipIdx, null, "{\"platform\":\"ANDROID\"}", at.withNano(0)));
        return applicationId;
    }
}
