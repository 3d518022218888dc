package com.loanflow.workers.bureau;

import com.loanflow.workers.platform.Applicant;
import com.loanflow.workers.platform.CreditAuthorization;
import com.loanflow.workers.platform.CreditQuery;
import com.loanflow.workers.platform.PlatformClient;
import com.loanflow.workers.platform.TaskFailures;
import com.loanflow.workers.platform.TopicHandler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * query-credit-bureau: the bureau report is stored sealed by the platform and the process gets its id
 * ({@code creditReportId}); the report never enters the engine's variable or history tables. Only
 * with the borrower's credit authorization; a report cached in the last 30 days is used instead of a new query;
 * every query and cache hit goes to the platform's credit query log with its purpose and consent.
 */
@Component
public class QueryCreditBureauHandler extends TopicHandler {

    private static final Logger log = LoggerFactory.getLogger(QueryCreditBureauHandler.class);

    private final PlatformClient platform;
    private final CreditBureau bureau;
    private final BureauReportCache cache;
    private final Clock clock;

    @Autowired
    public QueryCreditBureauHandler(TaskFailures failures, PlatformClient platform, CreditBureau bureau,
                                    BureauReportCache cache) {
        this(failures, platform, bureau, cache, Clock.systemUTC());
    }

    public QueryCreditBureauHandler(TaskFailures failures, PlatformClient platform, CreditBureau bureau,
                                    BureauReportCache cache, Clock clock) {
        super(failures);
        this.platform = platform;
        this.bureau = bureau;
        this.cache = cache;
        this.clock = clock;
    }

    @Override
    public String topic() {
        return "query-credit-bureau";
    }

    @Override
    protected void handle(ExternalTask task, ExternalTaskService service, String applicationId) {
        // no retries without authorization: an incident for ops, and the bureau is never asked
        CreditAuthorization authorization = platform.creditAuthorization(applicationId).orElseThrow(() ->
                new IllegalStateException("No valid credit authorization for application " + applicationId
                        + "; credit bureau not queried"));
        Applicant applicant = platform.applicant(applicationId);
        Optional<CreditReport> cached = cache.find(applicant.idNumber(), authorization.consentId());
        // logged before the bureau is asked: no query without its purpose and consent on record. The id is the
        // external task's, so every attempt at this task (a retry, a re-fetch after a lock expired or a worker
        // crashed) is the same query: logged once, stored once, and the bureau answers its reference unbilled
        String queryId = queryId(task);
        platform.recordCreditQuery(applicationId, new CreditQuery(queryId,
                CreditQuery.LOAN_APPLICATION, authorization.consentId(), authorization.agreementVersion(),
                cached.isPresent(), clock.instant()));
        CreditReport report = cached.orElseGet(() -> {
            CreditReport fresh = bureau.report(applicant.idNumber(), queryId);
            cache.put(applicant.idNumber(), authorization.consentId(), fresh);
            return fresh;
        });
        log.info("query-credit-bureau for application {} (consent {} v{}): {} report, {} applications in 90 days",
                applicationId, authorization.consentId(), authorization.agreementVersion(),
                cached.isPresent() ? "cached" : "new", report.applicationsLast90Days());
        // the report itself stays out of the engine (variables, history, Cockpit): the platform seals it
        service.complete(task, Map.of("creditReportId", platform.storeCreditReport(applicationId, queryId, report)));
    }

    static String queryId(ExternalTask task) {
        return UUID.nameUUIDFromBytes(("query-credit-bureau:" + task.getId()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
