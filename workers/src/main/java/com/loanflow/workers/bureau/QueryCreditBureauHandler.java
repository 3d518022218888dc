package com.loanflow.workers.bureau;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.workers.platform.Applicant;
import com.loanflow.workers.platform.PlatformClient;
import com.loanflow.workers.platform.TaskFailures;
import com.loanflow.workers.platform.TopicHandler;
import java.util.Map;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** query-credit-bureau: the bureau report becomes the {@code creditReport} variable (JSON, no personal data). */
@Component
public class QueryCreditBureauHandler extends TopicHandler {

    private static final Logger log = LoggerFactory.getLogger(QueryCreditBureauHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlatformClient platform;
    private final CreditBureau bureau;

    public QueryCreditBureauHandler(TaskFailures failures, PlatformClient platform, CreditBureau bureau) {
        super(failures);
        this.platform = platform;
        this.bureau = bureau;
    }

    @Override
    public String topic() {
        return "query-credit-bureau";
    }

    @Override
    protected void handle(ExternalTask task, ExternalTaskService service, String applicationId) {
        if (!platform.hasCreditAuthorization(applicationId)) {
            // no retries: an incident for ops, and the bureau is never asked without the borrower's authorization
            throw new IllegalStateException("No valid credit authorization for application " + applicationId
                    + "; credit bureau not queried");
        }
        Applicant applicant = platform.applicant(applicationId);
        CreditReport report = bureau.report(applicant.idNumber());
        log.info("query-credit-bureau for application {}: report with {} applications in 90 days", applicationId,
                report.applicationsLast90Days());
        service.complete(task, Map.of("creditReport", json(report)));
    }

    static String json(CreditReport report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
