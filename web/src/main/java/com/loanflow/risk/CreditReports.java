package com.loanflow.risk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.shared.ApiException;
import com.loanflow.shared.FieldCipher;
import com.loanflow.shared.Ids;
import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bureau reports, sealed at rest. A worker stores the report it obtained for a logged query and completes its task
 * with the returned id only; the risk assessment opens it by that id, for that application.
 */
@Service
public class CreditReports {

    static final String TABLE = "credit_report";

    private final CreditReportMapper mapper;
    private final FieldCipher cipher;
    private final ObjectMapper json;
    private final Clock clock;

    CreditReports(CreditReportMapper mapper, FieldCipher cipher, ObjectMapper json, Clock clock) {
        this.mapper = mapper;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Stores the report of a logged bureau query; the same query again returns the id stored first (a worker retried
     * after a lost answer), even if the retry carries a different report: a query has one answer on record.
     */
    @Transactional
    public String store(String applicationId, String queryId, CreditBureauReport report) {
        var existing = mapper.findByQueryId(queryId);
        if (existing.isPresent()) {
            return ownedBy(existing.get(), applicationId).id();
        }
        if (!mapper.queryLogged(applicationId, queryId)) {
            throw ApiException.invalidField("queryId", "is not a logged credit query of this application");
        }
        String id = Ids.newId();
        try {
            mapper.insert(new CreditReportMapper.StoredReport(id, applicationId, queryId,
                    cipher.encrypt(write(report), FieldCipher.context(TABLE, "report", id)), LocalDateTime.now(clock)));
        } catch (DuplicateKeyException concurrentRetry) {
            return ownedBy(mapper.findByQueryId(queryId).orElseThrow(), applicationId).id();
        }
        return id;
    }

    /** The report with this id, which must belong to this application. */
    @Transactional(readOnly = true)
    public CreditBureauReport open(String applicationId, String creditReportId) {
        var stored = mapper.findById(creditReportId)
                .orElseThrow(() -> new IllegalStateException("No credit report " + creditReportId));
        if (!stored.applicationId().equals(applicationId)) {
            throw new IllegalStateException("Credit report " + creditReportId + " is not application "
                    + applicationId + "'s");
        }
        try {
            return json.readValue(cipher.decrypt(stored.reportEnc(), FieldCipher.context(TABLE, "report", stored.id())),
                    CreditBureauReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Credit report " + creditReportId + " is unreadable", e);
        }
    }

    private static CreditReportMapper.StoredReport ownedBy(CreditReportMapper.StoredReport stored,
                                                           String applicationId) {
        if (!stored.applicationId().equals(applicationId)) {
            throw ApiException.invalidField("queryId", "belongs to another application");
        }
        return stored;
    }

    private String write(CreditBureauReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
