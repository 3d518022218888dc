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

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/app/", "/app", "/app/app.js", "//app/index.html",
            "/app/./index.html", "/x/../app/index.html", "/app;jsessionid=1/index.html", "/%61pp/index.html"})
    void theBorrowerWebAppGetsItsCspHoweverThePathIsWritten(String uri) throws Exception {
        var response = new MockHttpServletResponse();
        new SecurityHeadersFilter().doFilter(new MockHttpServletRequest("GET", uri), response, new MockFilterChain());
        assertThat(response.getHeader("Content-Security-Policy")).isEqualTo(SecurityHeadersFilter.APP_CSP)
                .contains("script-src 'self'").doesNotContain("unsafe");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void theEngineWebappsKeepTheirOwnPolicy() throws Exception {
        var response = new MockHttpServletResponse();
        new SecurityHeadersFilter().doFilter(new MockHttpServletRequest("GET", "/camunda/app/tasklist/"), response,
                new MockFilterChain());
        assertThat(response.getHeader("Content-Security-Policy")).isNull();
    }
}
