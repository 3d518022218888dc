package com.loanflow.risk;

import java.time.LocalDateTime;

/**
 * A blacklisted ID number, phone, bank card or device, held only as its keyed blind index and a masked form for
 * display. An entry with an expiry stops matching at that moment (null = until removed).
 */
public record BlacklistEntry(String id, String entryType, String valueIdx, String maskedValue, String reason,
                             String source, LocalDateTime expiresAt, LocalDateTime createdAt) {

    public boolean activeAt(LocalDateTime now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }
}
