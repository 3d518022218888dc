package com.loanflow.risk;

import com.loanflow.shared.BlindIndex;
import com.loanflow.shared.Ids;
import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Blacklist lookups by keyed blind index: the table never holds a plaintext ID number, phone or card. */
@Component
public class Blacklist {

    public enum EntryType { ID_NUMBER, PHONE, BANK_CARD, DEVICE }

    private final RiskMapper mapper;
    private final BlindIndex blindIndex;
    private final Clock clock;

    Blacklist(RiskMapper mapper, BlindIndex blindIndex, Clock clock) {
        this.mapper = mapper;
        this.blindIndex = blindIndex;
        this.clock = clock;
    }

    public boolean contains(EntryType type, String domain, String plaintext) {
        return mapper.isBlacklisted(type.name(), blindIndex.of(domain, plaintext), LocalDateTime.now(clock));
    }

    /** Adds an entry; adding the same value twice is a no-op (unique key). */
    @Transactional
    public void add(EntryType type, String domain, String plaintext, String reason, String source) {
        try {
            mapper.insertBlacklistEntry(new BlacklistEntry(Ids.newId(), type.name(), blindIndex.of(domain, plaintext),
                    reason, source, null, LocalDateTime.now(clock)));
        } catch (DuplicateKeyException alreadyListed) {
            // already listed
        }
    }
}
