package com.loanflow.risk;

import com.loanflow.audit.AuditLog;
import com.loanflow.shared.BlindIndex;
import com.loanflow.shared.Ids;
import com.loanflow.shared.Masking;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Blacklist lookups by keyed blind index: the table never holds a plaintext ID number, phone or card. */
@Component
public class Blacklist {

    public enum EntryType {
        ID_NUMBER(Masking::idNumber), PHONE(Masking::phone), BANK_CARD(Masking::bankCard), DEVICE(Masking::bankCard);

        private final UnaryOperator<String> mask;

        EntryType(UnaryOperator<String> mask) {
            this.mask = mask;
        }
    }

    private final RiskMapper mapper;
    private final BlindIndex blindIndex;
    private final Clock clock;
    private final AuditLog auditLog;

    Blacklist(RiskMapper mapper, BlindIndex blindIndex, Clock clock, AuditLog auditLog) {
        this.mapper = mapper;
        this.blindIndex = blindIndex;
        this.clock = clock;
        this.auditLog = auditLog;
    }

    public boolean contains(EntryType type, String domain, String plaintext) {
        return mapper.isBlacklisted(type.name(), blindIndex.of(domain, plaintext), LocalDateTime.now(clock));
    }

    /** Adds an entry, audited with {@code source} as the actor; adding the same value twice is a no-op (unique key). */
    @Transactional
    public void add(EntryType type, String domain, String plaintext, String reason, String source) {
        String id = Ids.newId();
        try {
            mapper.insertBlacklistEntry(new BlacklistEntry(id, type.name(), blindIndex.of(domain, plaintext),
                    reason, source, null, LocalDateTime.now(clock)));
        } catch (DuplicateKeyException alreadyListed) {
            return;
        }
        auditLog.record(source, "BLACKLIST_ADD", "BLACKLIST_ENTRY", id, Map.of("entryType", type.name(),
                "maskedValue", type.mask.apply(plaintext), "reason", reason == null ? "" : reason));
    }

    /** Removes an entry, audited; removing a value that is not listed changes nothing and records nothing. */
    @Transactional
    public boolean remove(EntryType type, String domain, String plaintext, String actor, String reason) {
        String valueIdx = blindIndex.of(domain, plaintext);
        String id = mapper.findBlacklistEntryId(type.name(), valueIdx);
        if (id == null || mapper.deleteBlacklistEntry(id) == 0) {
            return false;
        }
        auditLog.record(actor, "BLACKLIST_REMOVE", "BLACKLIST_ENTRY", id, Map.of("entryType", type.name(),
                "maskedValue", type.mask.apply(plaintext), "reason", reason == null ? "" : reason));
        return true;
    }
}
