package com.loanflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class SecurityHeadersFilterTest {

    @Test
    void httpsResponsesCarryHstsAndApiResponsesAreNotCached() throws Exception {
        var request = new MockHttpServletRequest("GET", "/api/v1/borrowers/me");
        request.setSecure(true);
        var response = new MockHttpServletResponse();
        new SecurityHeadersFilter().doFilter(request, response, new MockFilterChain());
        assertThat(response.getHeader("Strict-Transport-Security")).isEqualTo(SecurityHeadersFilter.HSTS);
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void plainHttpGetsNoHsts() throws Exception {
        var response = new MockHttpServletResponse();
        new SecurityHeadersFilter().doFilter(new MockHttpServletRequest("GET", "/camunda/"), response,
                new MockFilterChain());
        assertThat(response.getHeader("Strict-Transport-Security")).isNull();
        assertThat(response.getHeader("Cache-Control")).isNull();
    }
}
