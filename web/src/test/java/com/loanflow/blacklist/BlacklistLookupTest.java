package com.loanflow.blacklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.loanflow.audit.AuditLog;
import com.loanflow.risk.Blacklist;
import com.loanflow.risk.Blacklist.EntryType;
import com.loanflow.risk.BlacklistEntry;
import com.loanflow.shared.BlindIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ValueOperations;

/** Lookups: Redis first, the database when Redis lacks the key or is down; expiry honoured on both paths. */
class BlacklistLookupTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T04:00:00Z"), ZoneOffset.UTC);
    private static final LocalDateTime NOW = LocalDateTime.now(CLOCK);

    private final BlacklistMapper mapper = mock(BlacklistMapper.class);
    private final StringRedisTemplate redis = mock(StringRedisTemplate.class);
    @SuppressWarnings("unchecked")
    private final ValueOperations<String, String> values = mock(ValueOperations.class);
    private final BlindIndex blindIndex = new BlindIndex(new byte[32]);
    private final Blacklist blacklist = new Blacklist(mapper,
            new BlacklistCache(redis, CLOCK, Duration.ofHours(1), Duration.ofMinutes(5)), blindIndex, CLOCK,
            mock(AuditLog.class));
    // DEVICE entries are keyed by the device reference, itself the device id's blind index
    private final String reference = blindIndex.of("device-id", "device-0001-abcd");
    private final String idx = blindIndex.of("device", reference);
    private final String key = BlacklistCache.key("DEVICE", idx);

    {
        when(redis.opsForValue()).thenReturn(values);
    }

    private BlacklistEntry entry(LocalDateTime expiresAt) {
        return new BlacklistEntry("e1", "DEVICE", idx, "****abcd", "fraud ring", "ops", expiresAt, NOW.minusDays(1));
    }

    @Test
    void aCachedAnswerIsServedWithoutTheDatabase() {
        when(values.get(key)).thenReturn("LISTED:");
        assertThat(blacklist.containsDevice(reference)).isTrue();
        when(values.get(key)).thenReturn("ABSENT");
        assertThat(blacklist.containsIndex(EntryType.DEVICE, idx)).isFalse();
        verify(mapper, never()).find(anyString(), anyString());
    }

    @Test
    void aMissingKeyIsAnsweredByTheDatabaseAndRemembered() {
        when(mapper.find("DEVICE", idx)).thenReturn(Optional.of(entry(null)));
        assertThat(blacklist.containsIndex(EntryType.DEVICE, idx)).isTrue();
        verify(values).set(key, "LISTED:", Duration.ofHours(1));
    }

    @Test
    void whenRedisIsDownTheDatabaseAnswers() {
        when(redis.opsForValue()).thenThrow(new RedisConnectionFailureException("connection refused"));
        when(mapper.find("DEVICE", idx)).thenReturn(Optional.of(entry(NOW.plusDays(3))));
        assertThat(blacklist.containsIndex(EntryType.DEVICE, idx)).isTrue();
    }

    @Test
    void anExpiredEntryDoesNotMatchFromTheDatabaseOrFromTheCache() {
        when(mapper.find("DEVICE", idx)).thenReturn(Optional.of(entry(NOW.minusSeconds(1))));
        assertThat(blacklist.containsIndex(EntryType.DEVICE, idx)).isFalse();
        verify(values).set(key, "ABSENT", Duration.ofMinutes(5));

        when(values.get(key)).thenReturn("LISTED:" + CLOCK.instant().minusSeconds(1).toEpochMilli());
        assertThat(blacklist.containsIndex(EntryType.DEVICE, idx)).isFalse();
    }

    @Test
    void aListedValueIsCachedNoLongerThanUntilItExpires() {
        when(mapper.find("DEVICE", idx)).thenReturn(Optional.of(entry(NOW.plusMinutes(10))));
        assertThat(blacklist.containsIndex(EntryType.DEVICE, idx)).isTrue();
        verify(values).set(eq(key), eq("LISTED:" + CLOCK.instant().plusSeconds(600).toEpochMilli()),
                eq(Duration.ofMinutes(10)));
    }

    @Test
    void anOpsAddOfAnActivelyListedValueChangesNothing() {
        when(mapper.find(eq("DEVICE"), any())).thenReturn(Optional.of(entry(null)));
        assertThat(blacklist.add(EntryType.DEVICE, "device-0001-abcd", "again", "ops", null, "ops1")).isEmpty();
        verify(mapper, never()).insert(any());
        verify(mapper, never()).delete(any());
    }

    @Test
    void anOpsAddReplacesAnExpiredEntry() {
        when(mapper.find(eq("DEVICE"), any())).thenReturn(Optional.of(entry(NOW.minusDays(1))));
        when(mapper.delete("e1")).thenReturn(1);
        Optional<BlacklistEntry> added = blacklist.add(EntryType.DEVICE, "device-0001-abcd", "seen again",
                "fraud-team", NOW.plusDays(90), "ops1");
        assertThat(added).get().satisfies(e -> {
            assertThat(e.maskedValue()).isEqualTo("****abcd");
            assertThat(e.valueIdx()).isEqualTo(idx);
            assertThat(e.expiresAt()).isEqualTo(NOW.plusDays(90));
        });
        verify(mapper).delete("e1");
        verify(mapper).insert(any());
    }
}
