package com.loanflow.risk;

import java.time.LocalDateTime;

/** A blacklisted ID number, phone, bank card or device, held only as its keyed blind index. */
public record BlacklistEntry(String id, String entryType, String valueIdx, String reason, String source,
                             LocalDateTime expiresAt, LocalDateTime createdAt) {
}
