package com.loanflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With a separate internal port, the business metrics are served there only: the public port answers 404 however the
 * path is spelled, and the internal port keeps refusing what is not for it.
 */
class InternalPortTest {

    static final int INTERNAL = 8081;
    static final int PUBLIC = 8443;

    private final OncePerRequestFilter filter = new InternalPort().internalPortPaths(INTERNAL);

    @Test
    void metricsOnTheInternalPortOnly() throws Exception {
        assertThat(status(INTERNAL, "/actuator/prometheus")).isEqualTo(200);
        for (String path : new String[] {"/actuator/prometheus", "//actuator/prometheus", "/actuator/./prometheus",
                "/actuator;x=1/prometheus", "/actuator/%70rometheus"}) {
            assertThat(status(PUBLIC, path)).as(path).isEqualTo(404);
        }
        assertThat(status(PUBLIC, "/actuator/health")).isEqualTo(200);
        assertThat(status(PUBLIC, "/api/v1/loan-product")).isEqualTo(200);
        assertThat(status(INTERNAL, "/api/v1/loan-product")).as("not an internal path").isEqualTo(404);
        assertThat(status(INTERNAL, "/internal/../api/v1/borrowers/me")).as("led out of an internal path").isEqualTo(404);
        assertThat(status(INTERNAL, "/actuator/prometheus/../../ops/v1/refunds/pending")).isEqualTo(404);
        assertThat(status(INTERNAL, "/internal/v1/applications/a-1/applicant")).isEqualTo(200);
    }

    @Test
    void paymentCallbacksAndTheSandboxProvidersOnTheInternalPortOnly() throws Exception {
        for (String path : new String[] {"/api/v1/payment-callbacks/sandbox", "/sandbox/sms-outbox",
                "/sandbox/channel/v1/payouts", "/sandbox/tsa/v1/timestamp", "/api/../sandbox/sms-outbox",
                "/api/v1/payment-callbacks/%73andbox", "//sandbox/sms-outbox"}) {
            assertThat(status(PUBLIC, path)).as(path).isEqualTo(404);
        }
        for (String path : new String[] {"/api/v1/payment-callbacks/sandbox", "/sandbox/sms-outbox",
                "/sandbox/channel/v1/payouts", "/sandbox/tsa/v1/timestamp"}) {
            assertThat(status(INTERNAL, path)).as(path).isEqualTo(200);
        }
        assertThat(status(PUBLIC, "/api/v1/loans/l-1/repayments")).as("the borrower's own API stays public")
                .isEqualTo(200);
        assertThat(status(PUBLIC, "/camunda/app/tasklist/")).as("staff use Tasklist and Cockpit over the public port")
                .isEqualTo(200);
    }

    @Test
    void theWorkersApisOnTheInternalPortOnly() throws Exception {
        for (String path : new String[] {"/engine-rest/external-task/fetchAndLock", "/engine-rest", "/engine-rest/",
                "/internal/v1/applications/a-1/applicant", "//internal/v1/applications/a-1/applicant",
                "/api/../internal/v1/applications/a-1/applicant", "/%69nternal/v1/applications/a-1/applicant",
                "/engine-rest;x=1/task", "/api/../engine-rest/user"}) {
            assertThat(status(PUBLIC, path)).as(path).isEqualTo(404);
        }
        for (String path : new String[] {"/engine-rest/external-task/fetchAndLock",
                "/internal/v1/applications/a-1/applicant"}) {
            assertThat(status(INTERNAL, path)).as(path).isEqualTo(200);
        }
    }

    private int status(int port, String uri) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setLocalPort(port);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return chain.getRequest() == null ? response.getStatus() : 200;
    }
}
