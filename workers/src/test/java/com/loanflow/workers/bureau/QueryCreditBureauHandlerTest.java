package com.loanflow.workers.bureau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.workers.TestProperties;
import com.loanflow.workers.identity.sandbox.SandboxLatency;
import com.loanflow.workers.platform.FakePlatform;
import com.loanflow.workers.platform.TaskFailures;
import java.util.Map;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class QueryCreditBureauHandlerTest {

    @Test
    @SuppressWarnings("unchecked")
    void handsTheReportToThePlatformForItsLoggedQueryAndCompletesWithItsIdOnly() throws Exception {
        FakePlatform platform = new FakePlatform();
        ExternalTaskService service = mock(ExternalTaskService.class);
        QueryCreditBureauHandler handler = new QueryCreditBureauHandler(new TaskFailures(TestProperties.create()),
                platform.client, new SandboxCreditBureau(SandboxLatency.none()), noCache());
        platform.answersCreditAuthorization(org.springframework.http.HttpStatus.OK);
        platform.answersApplicant("王五", "310115198801010049", "13800000003", null, null);
        platform.expectsCreditQuery(false);
        platform.expectsCreditReport(SandboxCreditBureau.SANDBOX_REPORTS.get("310115198801010049"), "report-7");
        ExternalTask task = FakePlatform.task(null);

        handler.execute(task, service);

        ArgumentCaptor<Map<String, Object>> variables = ArgumentCaptor.forClass(Map.class);
        verify(service).complete(eq(task), variables.capture());
        assertThat(variables.getValue()).as("only the platform's id: the report stays out of the engine")
                .containsExactly(Map.entry("creditReportId", "report-7"));
        platform.server.verify();
    }

    @Test
    void withoutCreditAuthorizationTheBureauIsNotQueriedAndOpsGetAnIncident() {
        FakePlatform platform = new FakePlatform();
        ExternalTaskService service = mock(ExternalTaskService.class);
        QueryCreditBureauHandler handler = new QueryCreditBureauHandler(new TaskFailures(TestProperties.create()),
                platform.client, new SandboxCreditBureau(SandboxLatency.none()), noCache());
        platform.answersCreditAuthorization(org.springframework.http.HttpStatus.NOT_FOUND);
        ExternalTask task = FakePlatform.task(null);

        handler.execute(task, service);

        verify(service).handleFailure(eq(task), org.mockito.ArgumentMatchers.contains("credit bureau not queried"),
                org.mockito.ArgumentMatchers.any(), eq(0), org.mockito.ArgumentMatchers.anyLong());
        verify(service, org.mockito.Mockito.never()).complete(eq(task), org.mockito.ArgumentMatchers.anyMap());
        platform.server.verify(); // the applicant (personal data) was never fetched
    }

    static BureauReportCache noCache() {
        return new BureauReportCache(null, TestProperties.create().workers().bureauCache());
    }
}
