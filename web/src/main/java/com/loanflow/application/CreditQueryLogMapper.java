package com.loanflow.application;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;

/** The credit query log: one row per bureau query or cached-report use (V8). */
@Mapper
public interface CreditQueryLogMapper {

    record CreditQueryLogEntry(String id, String applicationId, String purpose, String consentId,
                               String agreementVersion, boolean cacheHit, LocalDateTime queriedAt,
                               LocalDateTime recordedAt) {
    }

    /** 1 when recorded, 0 when this query id was already there. */
    int insertIfAbsent(CreditQueryLogEntry entry);

    List<CreditQueryLogEntry> findByApplication(String applicationId);
}
