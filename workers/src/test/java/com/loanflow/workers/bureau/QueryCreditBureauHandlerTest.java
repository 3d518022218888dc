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

    @Test
    void aRetriedAttemptIsTheSameQueryLoggedAndBilledOnce() {
        FakePlatform platform = new FakePlatform();
        ExternalTaskService service = mock(ExternalTaskService.class);
        SandboxCreditBureau bureau = new SandboxCreditBureau(SandboxLatency.none());
        QueryCreditBureauHandler handler = new QueryCreditBureauHandler(new TaskFailures(TestProperties.create()),
                platform.client, bureau, noCache());
        ExternalTask task = FakePlatform.task(null);
        org.mockito.Mockito.when(task.getId()).thenReturn("external-task-1");
        // first attempt: the report cannot be handed over (the platform answers 503): the task is retried
        platform.answersCreditAuthorization(org.springframework.http.HttpStatus.OK);
        platform.answersApplicant("王五", "310115198801010049", "13800000003", null, null);
        platform.expectsCreditQuery(false);
        platform.server.expect(org.springframework.test.web.client.match.MockRestRequestMatchers.method(
                org.springframework.http.HttpMethod.PUT)).andRespond(
                org.springframework.test.web.client.response.MockRestResponseCreators.withServiceUnavailable());
        handler.execute(task, service);
        verify(service).handleFailure(eq(task), org.mockito.ArgumentMatchers.anyString(),
                org.mockito.ArgumentMatchers.any(), eq(2), org.mockito.ArgumentMatchers.anyLong());
        String firstQueryId = platform.loggedQueryId;
        platform.server.verify();
        platform.server.reset();

        // the retry: the same query id, and the bureau answers its reference again without a second bill
        platform.answersCreditAuthorization(org.springframework.http.HttpStatus.OK);
        platform.answersApplicant("王五", "310115198801010049", "13800000003", null, null);
        platform.expectsCreditQuery(false);
        platform.expectsCreditReport(SandboxCreditBureau.SANDBOX_REPORTS.get("310115198801010049"), "report-7");
        handler.execute(task, service);

        assertThat(platform.loggedQueryId).isEqualTo(firstQueryId);
        assertThat(bureau.queries()).as("billed once").isEqualTo(1);
        verify(service).complete(eq(task), eq(Map.of("creditReportId", "report-7")));
        platform.server.verify();
    }

    static BureauReportCache noCache() {
        return new BureauReportCache(null, TestProperties.create().workers().bureauCache());
    }
}
