package com.loanflow.risk;

import com.loanflow.application.Applications;
import com.loanflow.audit.AuditLog;
import com.loanflow.blacklist.BlacklistCache;
import com.loanflow.blacklist.BlacklistMapper;
import com.loanflow.borrower.Borrowers;
import com.loanflow.device.DeviceLog;
import com.loanflow.shared.BlindIndex;
import com.loanflow.shared.Ids;
import com.loanflow.shared.Masking;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The internal blacklist of ID numbers, phones, bank cards and devices, held by keyed blind index: the table never
 * holds a plaintext value. Lookups are served from Redis and fall back to the database when Redis lacks the key or
 * cannot be reached; writes go to the database, then clear the Redis key once committed. Every change is audited.
 */
@Component
public class Blacklist {

    public enum EntryType {
        ID_NUMBER(Borrowers.ID_NUMBER_DOMAIN, Masking::idNumber),
        PHONE("phone", Masking::phone), // Borrowers' phone domain: login and blacklist share one index
        BANK_CARD(Applications.BANK_CARD_DOMAIN, Masking::bankCard),
        // keyed by the device reference (DeviceLog#deviceIndex), the only form of a device id the platform keeps
        DEVICE("device", Masking::bankCard);

        private final String domain;
        private final UnaryOperator<String> mask;

        EntryType(String domain, UnaryOperator<String> mask) {
            this.domain = domain;
            this.mask = mask;
        }

        /** The blind-index domain the platform uses for values of this type. */
        public String domain() {
            return domain;
        }

        public String mask(String plaintext) {
            return mask.apply(plaintext);
        }
    }

    private final BlacklistMapper mapper;
    private final BlacklistCache cache;
    private final BlindIndex blindIndex;
    private final Clock clock;
    private final AuditLog auditLog;

    public Blacklist(BlacklistMapper mapper, BlacklistCache cache, BlindIndex blindIndex, Clock clock, AuditLog auditLog) {
        this.mapper = mapper;
        this.cache = cache;
        this.blindIndex = blindIndex;
        this.clock = clock;
        this.auditLog = auditLog;
    }

    public boolean contains(EntryType type, String domain, String plaintext) {
        return containsIndex(type, blindIndex.of(domain, plaintext));
    }

    /** Whether a device is listed, by its reference: FraudSignals.Snapshot#deviceId() or DeviceLog#deviceIndex. */
    public boolean containsDevice(String deviceReference) {
        return contains(EntryType.DEVICE, EntryType.DEVICE.domain(), deviceReference);
    }

    /** A lookup by the value's blind index in its type's domain. */
    public boolean containsIndex(EntryType type, String valueIdx) {
        Optional<Boolean> cached = cache.listed(type.name(), valueIdx);
        if (cached.isPresent()) {
            return cached.get();
        }
        LocalDateTime now = LocalDateTime.now(clock);
        Optional<BlacklistEntry> active = mapper.find(type.name(), valueIdx).filter(e -> e.activeAt(now));
        cache.remember(type.name(), valueIdx, active.isPresent(),
                active.map(BlacklistEntry::expiresAt).map(at -> at.atZone(clock.getZone()).toInstant()).orElse(null));
        return active.isPresent();
    }

    /** Adds an entry, audited with {@code source} as the actor; adding the same value twice is a no-op (unique key). */
    @Transactional
    public void add(EntryType type, String domain, String plaintext, String reason, String source) {
        String valueIdx = blindIndex.of(domain, plaintext);
        if (mapper.find(type.name(), valueIdx).isPresent()) {
            return;
        }
        insert(type, valueIdx, type.mask(plaintext), reason, source, null, source);
    }

    /**
     * Adds an entry for an ops user; empty when the value is already actively listed. An expired entry for the same
     * value is replaced (the unique key allows one row per value).
     */
    @Transactional
    public Optional<BlacklistEntry> add(EntryType type, String plaintext, String reason, String source,
                                        LocalDateTime expiresAt, String actor) {
        String value = type == EntryType.DEVICE ? deviceReference(plaintext) : plaintext;
        String valueIdx = blindIndex.of(type.domain(), value);
        LocalDateTime now = LocalDateTime.now(clock);
        Optional<BlacklistEntry> existing = mapper.find(type.name(), valueIdx);
        if (existing.isPresent()) {
            if (existing.get().activeAt(now)) {
                return Optional.empty();
            }
            delete(existing.get(), "system", "replaced after expiry");
        }
        return insert(type, valueIdx, type.mask(plaintext), reason, source, expiresAt, actor);
    }

    /** A raw device id as ops know it (from a fraud report) → the reference the device log and signals use. */
    public String deviceReference(String deviceId) {
        return blindIndex.of(DeviceLog.DEVICE_ID_DOMAIN, deviceId);
    }

    private Optional<BlacklistEntry> insert(EntryType type, String valueIdx, String maskedValue, String reason,
                                            String source, LocalDateTime expiresAt, String actor) {
        BlacklistEntry entry = new BlacklistEntry(Ids.newId(), type.name(), valueIdx, maskedValue, reason, source,
                expiresAt, LocalDateTime.now(clock));
        try {
            mapper.insert(entry);
        } catch (DuplicateKeyException concurrentlyListed) {
            return Optional.empty();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("entryType", type.name());
        details.put("maskedValue", maskedValue);
        details.put("reason", reason == null ? "" : reason);
        details.put("source", source);
        details.put("expiresAt", expiresAt == null ? "" : expiresAt.toString());
        auditLog.record(actor, "BLACKLIST_ADD", "BLACKLIST_ENTRY", entry.id(), details);
        forgetAfterCommit(type.name(), valueIdx);
        return Optional.of(entry);
    }

    /** Removes an entry, audited; removing a value that is not listed changes nothing and records nothing. */
    @Transactional
    public boolean remove(EntryType type, String domain, String plaintext, String actor, String reason) {
        return mapper.find(type.name(), blindIndex.of(domain, plaintext))
                .map(entry -> delete(entry, actor, reason)).orElse(false);
    }

    /** Removes an entry by id, audited; false when there is no such entry. */
    @Transactional
    public boolean removeById(String id, String actor, String reason) {
        return mapper.findById(id).map(entry -> delete(entry, actor, reason)).orElse(false);
    }

    private boolean delete(BlacklistEntry entry, String actor, String reason) {
        if (mapper.delete(entry.id()) == 0) {
            return false;
        }
        auditLog.record(actor, "BLACKLIST_REMOVE", "BLACKLIST_ENTRY", entry.id(), Map.of("entryType",
                entry.entryType(), "maskedValue", entry.maskedValue() == null ? "" : entry.maskedValue(),
                "reason", reason == null ? "" : reason));
        forgetAfterCommit(entry.entryType(), entry.valueIdx());
        return true;
    }

    /** Newest first; type null = all types. Values are masked: the table holds nothing else. */
    public List<BlacklistEntry> list(EntryType type, int limit, int offset) {
        return mapper.list(type == null ? null : type.name(), limit, offset);
    }

    public Optional<BlacklistEntry> get(String id) {
        return mapper.findById(id);
    }

    /**
     * Redis is cleared once the database change is committed (clearing earlier would let a lookup re-cache the old
     * state); a lookup racing the commit can still re-cache it, for at most the cache TTL.
     */
    private void forgetAfterCommit(String entryType, String valueIdx) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.forget(entryType, valueIdx);
                }
            });
        } else {
            cache.forget(entryType, valueIdx);
        }
    }
}
