package com.loanflow.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** However the path is spelled, a request is limited as the handler it reaches. */
class EndpointClassTest {

    @Test
    void loginAndOtpAreRecognisedThroughEncodingParametersAndDotSegments() {
        for (String uri : new String[] {"/api/v1/sessions", "/api/v1/%73essions", "/api/v1/sessions;x=1",
                "/api/v1//sessions", "/api/./v1/sessions", "/api/v1/x/../sessions", "/api/v1/sessions/"}) {
            assertThat(EndpointClass.of(new MockHttpServletRequest("POST", uri))).as(uri).isEqualTo(EndpointClass.LOGIN);
        }
        for (String uri : new String[] {"/api/v1/applications/a-1/contract/signature",
                "/api/v1/applications/a-1/contract/signing-code;jsessionid=1", "/api/v1/applications/a-1/contract/%73ignature"}) {
            assertThat(EndpointClass.of(new MockHttpServletRequest("POST", uri))).as(uri).isEqualTo(EndpointClass.OTP);
        }
        assertThat(EndpointClass.of(new MockHttpServletRequest("POST", "/api/v1/borrower%73")))
                .isEqualTo(EndpointClass.REGISTRATION);
        assertThat(EndpointClass.of(new MockHttpServletRequest("GET", "/api/v1/sessions")))
                .isEqualTo(EndpointClass.GENERAL);
        assertThat(EndpointClass.of(new MockHttpServletRequest("POST", "/api/v1/loan-product")))
                .isEqualTo(EndpointClass.GENERAL);
    }
}
