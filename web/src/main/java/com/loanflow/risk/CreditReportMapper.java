package com.loanflow.risk;

import java.time.LocalDateTime;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface CreditReportMapper {

    record StoredReport(String id, String applicationId, String queryId, String reportEnc, LocalDateTime storedAt) {
    }

    /** Throws DuplicateKeyException when this query's report is already stored (uk_credit_report_query). */
    void insert(StoredReport report);

    Optional<StoredReport> findById(@Param("id") String id);

    Optional<StoredReport> findByQueryId(@Param("queryId") String queryId);

    /** Whether the credit query log holds this query for this application. */
    boolean queryLogged(@Param("applicationId") String applicationId, @Param("queryId") String queryId);
}
