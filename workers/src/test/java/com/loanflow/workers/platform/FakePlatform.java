package com.loanflow.workers.platform;

import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.workers.TestProperties;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.client.task.ExternalTask;
import org.mockito.Mockito;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

/** The platform's internal API as a MockRestServiceServer, plus an external task for one application. */
public final class FakePlatform {

    public static final String APPLICATION_ID = "app-1";

    public final MockRestServiceServer server;
    public final PlatformClient client;

    public FakePlatform() {
        RestClient.Builder builder = RestClient.builder();
        server = MockRestServiceServer.bindTo(builder).build();
        client = new PlatformClient(TestProperties.create(), builder);
    }

    public static ExternalTask task(Integer retries) {
        ExternalTask task = Mockito.mock(ExternalTask.class);
        Mockito.when(task.getBusinessKey()).thenReturn(APPLICATION_ID);
        Mockito.when(task.getRetries()).thenReturn(retries);
        return task;
    }

    public void answersApplicant(String name, String idNumber, String phone, byte[] idCard, byte[] selfie) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("applicationId", APPLICATION_ID);
        body.put("borrowerId", "b-1");
        body.put("name", name);
        body.put("idNumber", idNumber);
        body.put("phone", phone);
        body.put("bankCardNumber", "6222020000000007");
        body.put("idCardFrontImage", idCard == null ? null : Base64.getEncoder().encodeToString(idCard));
        body.put("selfieImage", selfie == null ? null : Base64.getEncoder().encodeToString(selfie));
        server.expect(requestTo(TestProperties.PLATFORM + "/internal/v1/applications/" + APPLICATION_ID + "/applicant"))
                .andExpect(method(HttpMethod.GET))
                .andExpect(header("Authorization", "Bearer " + TestProperties.TOKEN))
                .andRespond(withSuccess(json(body), MediaType.APPLICATION_JSON));
    }

    public void answersApplicantWith(HttpStatus status) {
        server.expect(requestTo(TestProperties.PLATFORM + "/internal/v1/applications/" + APPLICATION_ID + "/applicant"))
                .andRespond(withStatus(status));
    }

    public void answersCreditAuthorization(HttpStatus status) {
        server.expect(requestTo(TestProperties.PLATFORM + "/internal/v1/applications/" + APPLICATION_ID
                        + "/credit-authorization"))
                .andRespond(withStatus(status).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .body("{\"consentId\":\"consent-1\",\"agreementVersion\":\"1.0\","
                                + "\"documentSha256\":\"ab\",\"consentedAt\":\"2026-11-25T10:00:00\"}"));
    }

    /** Expects the query log entry for a bureau query (or cache hit) on consent-1 for a loan application. */
    public void expectsCreditQuery(boolean cacheHit) {
        server.expect(requestTo(TestProperties.PLATFORM + "/internal/v1/applications/" + APPLICATION_ID
                        + "/credit-queries"))
                .andExpect(method(HttpMethod.POST))
                .andExpect(org.springframework.test.web.client.match.MockRestRequestMatchers.jsonPath("$.purpose")
                        .value("LOAN_APPLICATION"))
                .andExpect(org.springframework.test.web.client.match.MockRestRequestMatchers.jsonPath("$.consentId")
                        .value("consent-1"))
                .andExpect(org.springframework.test.web.client.match.MockRestRequestMatchers
                        .jsonPath("$.agreementVersion").value("1.0"))
                .andExpect(org.springframework.test.web.client.match.MockRestRequestMatchers.jsonPath("$.cacheHit")
                        .value(cacheHit))
                .andExpect(request -> loggedQueryId = new ObjectMapper()
                        .readTree(((org.springframework.mock.http.client.MockClientHttpRequest) request).getBodyAsString())
                        .path("queryId").asText())
                .andRespond(withStatus(HttpStatus.CREATED));
    }

    /** The query id of the last credit query the worker logged. */
    public String loggedQueryId;

    /**
     * The worker hands over this report for the query it logged just before (same query id in the path) and gets
     * the platform's id for it back.
     */
    public void expectsCreditReport(Object report, String creditReportId) {
        server.expect(request -> {
                    String path = request.getURI().toString();
                    String prefix = TestProperties.PLATFORM + "/internal/v1/applications/" + APPLICATION_ID
                            + "/credit-reports/";
                    org.assertj.core.api.Assertions.assertThat(path).isEqualTo(prefix + loggedQueryId);
                })
                .andExpect(method(HttpMethod.PUT))
                .andExpect(org.springframework.test.web.client.match.MockRestRequestMatchers.content()
                        .json(json(report), org.springframework.test.json.JsonCompareMode.STRICT))
                .andRespond(withSuccess(json(Map.of("creditReportId", creditReportId)), MediaType.APPLICATION_JSON));
    }

    public static String json(Object body) {
        try {
            return new ObjectMapper().writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
