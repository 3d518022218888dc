package com.loanflow.blacklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.loanflow.device.DeviceLog;
import com.loanflow.device.PlatformHttp;
import com.loanflow.e2e.PlatformTest;
import com.loanflow.risk.Blacklist;
import com.loanflow.risk.Blacklist.EntryType;
import com.loanflow.shared.BlindIndex;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** The ops blacklist API (authenticated, audited, masked) and Redis-served lookups that fall back to the database. */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlacklistPlatformTest {

    @LocalServerPort
    int port;
    @Autowired
    Blacklist blacklist;
    @Autowired
    BlindIndex blindIndex;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    DeviceLog deviceLog;

    PlatformHttp http;

    @BeforeAll
    void client() {
        http = new PlatformHttp(port);
    }

    private static String newDevice() {
        return "device-" + UUID.randomUUID();
    }

    private PlatformHttp.Response add(String user, Map<String, Object> body) {
        return http.send("POST", "/ops/v1/blacklist", PlatformHttp.basic(user), body);
    }

    private int audited(String action, String subjectId, String actor) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = ? AND subject_id = ? AND actor = ?",
                Integer.class, action, subjectId, actor);
    }

    @Test
    void opsAddListAndRemoveEntriesSeeingOnlyMaskedValuesAndEveryChangeIsAudited() {
        String device = newDevice();
        PlatformHttp.Response added = add("ops1", Map.of("type", "DEVICE", "value", device,
                "reason", "fraud ring 2026-17", "source", "fraud-team"));
        assertThat(added.status()).as(String.valueOf(added.json())).isEqualTo(201);
        String id = added.json().path("id").asText();
        assertThat(added.json().path("maskedValue").asText()).isEqualTo("****" + device.substring(device.length() - 4));
        assertThat(added.json().toString()).doesNotContain(device);
        assertThat(audited("BLACKLIST_ADD", id, "ops1")).isEqualTo(1);
        assertThat(blacklist.containsDevice(deviceLog.deviceIndex(device))).isTrue();

        PlatformHttp.Response listed = http.send("GET", "/ops/v1/blacklist?type=DEVICE&limit=500",
                PlatformHttp.basic("ops1"), null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().findValuesAsText("id")).contains(id);
        assertThat(listed.json().toString()).doesNotContain(device);

        assertThat(add("ops1", Map.of("type", "DEVICE", "value", device, "reason", "again")).status()).isEqualTo(409);

        PlatformHttp.Response removed = http.send("DELETE", "/ops/v1/blacklist/" + id + "?reason=cleared-by-review",
                PlatformHttp.basic("ops1"), null);
        assertThat(removed.status()).isEqualTo(204);
        assertThat(audited("BLACKLIST_REMOVE", id, "ops1")).isEqualTo(1);
        assertThat(blacklist.containsDevice(deviceLog.deviceIndex(device))).isFalse();
        assertThat(http.send("DELETE", "/ops/v1/blacklist/" + id + "?reason=again", PlatformHttp.basic("ops1"), null)
                .status()).isEqualTo(404);
    }

    @Test
    void theSandboxFraudDeviceIsListedUnderTheReferenceTheFraudSignalsCarry() {
        String reference = deviceLog.deviceIndex("sandbox-fraud-device-0001");
        // what AssessRiskDelegate does with FraudSignals.Snapshot#deviceId()
        assertThat(blacklist.contains(EntryType.DEVICE, EntryType.DEVICE.domain(), reference)).isTrue();
        assertThat(blacklist.containsDevice(deviceLog.deviceIndex("sandbox-honest-device-0002"))).isFalse();
    }

    @Test
    void theTableHoldsTheKeyedHashAndAMaskNeverThePlaintext() {
        String phone = "1370000" + (1000 + (int) (Math.random() * 9000));
        String spaced = phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7);
        PlatformHttp.Response added = add("ops1", Map.of("type", "PHONE", "value", phone, "reason",
                "stolen identity, same ring as +86 " + spaced));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().path("reason").asText()).as("a number typed into the reason is masked too")
                .isEqualTo("stolen identity, same ring as +86 " + phone.substring(0, 3) + "****" + phone.substring(7));
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM blacklist_entry WHERE id = ?",
                added.json().path("id").asText());
        assertThat(row.get("value_idx")).isEqualTo(blindIndex.of("phone", phone));
        assertThat(row.get("masked_value")).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(row.toString()).doesNotContain(phone).doesNotContain(spaced);
    }

    @Test
    void onlyAuthenticatedOpsMayChangeTheBlacklistAndNothingChangesOtherwise() {
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM blacklist_entry", Integer.class);
        Map<String, Object> body = Map.of("type", "DEVICE", "value", newDevice(), "reason", "test");
        assertThat(http.send("POST", "/ops/v1/blacklist", Map.of(), body).status()).isEqualTo(401);
        assertThat(add("reviewer1", body).status()).isEqualTo(403);
        assertThat(http.send("GET", "/ops/v1/blacklist", Map.of(), null).status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM blacklist_entry", Integer.class)).isEqualTo(before);
    }

    @Test
    void badEntriesAreRefusedFieldByField() {
        PlatformHttp.Response badId = add("ops1", Map.of("type", "ID_NUMBER", "value", "110101199003070012",
                "reason", "bad check digit"));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().path("fieldErrors").findValuesAsText("field")).containsExactly("value");

        PlatformHttp.Response missing = add("ops1", Map.of("type", "BANK_CARD", "value", "6222020000000007",
                "expiresAt", "2001-01-01T00:00:00"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("fieldErrors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("reason", "expiresAt");

        int entries = jdbc.queryForObject("SELECT COUNT(*) FROM blacklist_entry", Integer.class);
        for (String farOff : new String[] {"+999999999-12-31T23:59:59", "9999-12-31T23:59:59"}) {
            PlatformHttp.Response tooFar = add("ops1", Map.of("type", "BANK_CARD", "value", "6222020000000007",
                    "reason", "fraud ring", "expiresAt", farOff));
            assertThat(tooFar.status()).as(farOff).isEqualTo(400);
            assertThat(tooFar.json().path("fieldErrors").findValuesAsText("field")).containsExactly("expiresAt");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM blacklist_entry", Integer.class)).isEqualTo(entries);
    }

    @Test
    void aFlushedRedisKeyFallsBackToTheDatabaseAndADatabaseOnlyEntryIsFound() {
        String device = newDevice();
        String idx = blindIndex.of(EntryType.DEVICE.domain(), deviceLog.deviceIndex(device));
        assertThat(add("ops1", Map.of("type", "DEVICE", "value", device, "reason", "fraud")).status()).isEqualTo(201);
        assertThat(blacklist.containsIndex(EntryType.DEVICE, idx)).isTrue();
        assertThat(redis.opsForValue().get(BlacklistCache.key("DEVICE", idx))).startsWith("LISTED:");

        redis.delete(BlacklistCache.key("DEVICE", idx));
        assertThat(blacklist.containsIndex(EntryType.DEVICE, idx)).isTrue();

        // written straight to the database (another node, a bulk import): Redis has never heard of it
        String dbOnly = newDevice();
        String dbOnlyIdx = blindIndex.of(EntryType.DEVICE.domain(), deviceLog.deviceIndex(dbOnly));
        insertDirectly(dbOnlyIdx, null);
        assertThat(redis.hasKey(BlacklistCache.key("DEVICE", dbOnlyIdx))).isFalse();
        assertThat(blacklist.containsDevice(deviceLog.deviceIndex(dbOnly))).isTrue();
        assertThat(redis.opsForValue().get(BlacklistCache.key("DEVICE", dbOnlyIdx))).startsWith("LISTED:");
    }

    @Test
    void anExpiredEntryNoLongerMatchesAndCanBeListedAgain() {
        String device = newDevice();
        String idx = blindIndex.of(EntryType.DEVICE.domain(), deviceLog.deviceIndex(device));
        insertDirectly(idx, LocalDateTime.now(clock).minusMinutes(1));
        assertThat(blacklist.containsIndex(EntryType.DEVICE, idx)).isFalse();

        PlatformHttp.Response again = add("ops1", Map.of("type", "DEVICE", "value", device, "reason", "seen again",
                "expiresAt", LocalDateTime.now(clock).plusDays(30).withNano(0).toString()));
        assertThat(again.status()).isEqualTo(201);
        assertThat(blacklist.containsIndex(EntryType.DEVICE, idx)).isTrue();
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT id FROM blacklist_entry WHERE value_idx = ?", idx);
        assertThat(rows).hasSize(1);
    }

    private void insertDirectly(String valueIdx, LocalDateTime expiresAt) {
        jdbc.update("INSERT INTO blacklist_entry (id, entry_type, value_idx, masked_value, reason, source, expires_at,"
                        + " created_at) VALUES (?, 'DEVICE', ?, '****test', 'imported', 'bulk-import', ?, ?)",
                UUID.randomUUID().toString(), valueIdx, expiresAt, LocalDateTime.now(clock).withNano(0));
    }

}
