package com.loanflow.workers.platform;

import com.loanflow.workers.WorkersProperties;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The platform's internal API (/internal/v1), the workers' only way to the platform's data. */
@Component
public class PlatformClient {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    private final RestClient http;

    @Autowired
    public PlatformClient(WorkersProperties properties) {
        this(properties, RestClient.builder().requestFactory(requestFactory()));
    }

    /** For tests: a builder that a MockRestServiceServer is bound to. */
    public PlatformClient(WorkersProperties properties, RestClient.Builder builder) {
        String token = properties.internal().token();
        if (token == null || token.isBlank() || token.startsWith("${")) {
            throw new IllegalStateException("loanflow.internal.token is not set");
        }
        this.http = builder.baseUrl(properties.platform().baseUrl())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.internal().token())
                .build();
    }

    public static JdkClientHttpRequestFactory requestFactory() {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build());
        factory.setReadTimeout(READ_TIMEOUT);
        return factory;
    }

    public Applicant applicant(String applicationId) {
        return RetryableFailure.translating("GET applicant", () -> http.get()
                .uri("/internal/v1/applications/{id}/applicant", applicationId)
                .retrieve().body(Applicant.class));
    }

    /**
     * The borrower's consent to the current credit authorization; the bureau may not be queried without it.
     * Empty on the platform's 404, throws on anything else.
     */
    public java.util.Optional<CreditAuthorization> creditAuthorization(String applicationId) {
        try {
            return java.util.Optional.ofNullable(RetryableFailure.translating("GET credit authorization", () -> http.get()
                    .uri("/internal/v1/applications/{id}/credit-authorization", applicationId)
                    .retrieve().body(CreditAuthorization.class)));
        } catch (org.springframework.web.client.HttpClientErrorException.NotFound missing) {
            return java.util.Optional.empty();
        }
    }

    /** Writes the query to the platform's credit query log (idempotent per queryId). */
    public void recordCreditQuery(String applicationId, CreditQuery query) {
        RetryableFailure.translating("POST credit query", () -> http.post()
                .uri("/internal/v1/applications/{id}/credit-queries", applicationId)
                .body(query)
                .retrieve().toBodilessEntity());
    }

    /**
     * Hands the bureau report of a logged query to the platform, which stores it sealed; returns its id, the only
     * thing the process keeps. Idempotent per query id.
     */
    public String storeCreditReport(String applicationId, String queryId, Object report) {
        java.util.Map<?, ?> answer = RetryableFailure.translating("PUT credit report", () -> http.put()
                .uri("/internal/v1/applications/{id}/credit-reports/{queryId}", applicationId, queryId)
                .body(report)
                .retrieve().body(java.util.Map.class));
        Object id = answer == null ? null : answer.get("creditReportId");
        if (!(id instanceof String creditReportId)) {
            throw new IllegalStateException("The platform stored the credit report without returning its id");
        }
        return creditReportId;
    }

    /** Creates the disbursement on the first call and returns the same one afterwards. */
    public PayoutOrder requestDisbursement(String applicationId) {
        return RetryableFailure.translating("POST disbursement", () -> http.post()
                .uri("/internal/v1/applications/{id}/disbursement", applicationId)
                .retrieve().body(PayoutOrder.class));
    }

    /**
     * The channel refused the payout request outright: the platform records the disbursement FAILED (the request's
     * final answer) and returns the failure code it kept. Idempotent.
     */
    public String markRefused(String disbursementId, String channelCode) {
        java.util.Map<?, ?> answer = RetryableFailure.translating("POST disbursement refused", () -> http.post()
                .uri("/internal/v1/disbursements/{id}/refused", disbursementId)
                .body(java.util.Collections.singletonMap("code", channelCode))
                .retrieve().body(java.util.Map.class));
        Object code = answer == null ? null : answer.get("failureCode");
        if (!(code instanceof String failureCode)) {
            throw new IllegalStateException("The platform recorded the refusal without returning its failure code");
        }
        return failureCode;
    }

    public void markSent(String disbursementId) {
        RetryableFailure.translating("POST disbursement sent", () -> http.post()
                .uri("/internal/v1/disbursements/{id}/sent", disbursementId)
                .retrieve().toBodilessEntity());
    }
}
