package com.loanflow.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.loanflow.shared.Ids;
import com.loanflow.shared.Masking;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only, hash-chained record of sensitive actions. An entry is written in the caller's transaction, so it
 * exists exactly when the action it records does. Appends take the chain lock, so the chain stays linear however
 * many threads or platform nodes append at once.
 */
@Component
public class AuditLog {

    /** A value of 11 or more digits in a row is a phone, ID or card number that should have been masked. */
    private static final Pattern LONG_DIGIT_RUN = Pattern.compile("\\d{11,}");
    private static final int PAGE = 500;

    private final AuditLogMapper mapper;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    AuditLog(AuditLogMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Appends an entry. {@code details} must hold masked values only (as a safety net, any long run of digits is
     * masked to its last four); keys are stored sorted.
     */
    @Transactional
    public AuditEntry record(String actor, String action, String subjectType, String subjectId,
                             Map<String, ?> details) {
        String detailsJson = toJson(details);
        mapper.lockChain();
        AuditEntry previous = mapper.findLast().orElse(null);
        AuditEntry entry = AuditEntry.chained(previous, Ids.newId(),
                LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS), actor, action, subjectType, subjectId,
                detailsJson);
        mapper.insert(entry);
        return entry;
    }

    /**
     * Walks the chain from the first entry. The first broken seq is the first entry whose hash does not match its
     * fields, whose prev_hash is not its predecessor's hash, or — for a deleted entry — the missing seq itself.
     * Removing entries from the end leaves no trace in the chain: compare the head with one noted earlier.
     */
    @Transactional(readOnly = true)
    public Verification verify() {
        String expectedPrevHash = AuditEntry.GENESIS;
        long expectedSeq = 1;
        AuditEntry last = null;
        List<AuditEntry> page;
        do {
            page = mapper.findAfter(expectedSeq - 1, PAGE);
            for (AuditEntry entry : page) {
                if (entry.seq() != expectedSeq) {
                    return Verification.broken(expectedSeq, expectedSeq - 1);
                }
                if (!entry.prevHash().equals(expectedPrevHash) || !entry.hashMatches()) {
                    return Verification.broken(entry.seq(), expectedSeq - 1);
                }
                expectedPrevHash = entry.hash();
                expectedSeq++;
                last = entry;
            }
        } while (page.size() == PAGE);
        return Verification.intact(expectedSeq - 1, last == null ? null : last.hash());
    }

    private String toJson(Map<String, ?> details) {
        Map<String, Object> masked = new TreeMap<>();
        if (details != null) {
            details.forEach((key, value) -> masked.put(key, value instanceof String s ? maskDigitRuns(s) : value));
        }
        try {
            return json.writeValueAsString(masked);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit details must be plain values", e);
        }
    }

    private static String maskDigitRuns(String value) {
        Matcher matcher = LONG_DIGIT_RUN.matcher(value);
        return matcher.replaceAll(run -> Masking.bankCard(run.group()));
    }
}
