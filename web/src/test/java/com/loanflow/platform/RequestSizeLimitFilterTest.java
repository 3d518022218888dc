package com.loanflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestSizeLimitFilterTest {

    MockHttpServletResponse send(String path, int bytes) throws Exception {
        var request = new MockHttpServletRequest("POST", path);
        request.setContent(new byte[bytes]);
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();
        new RequestSizeLimitFilter().doFilter(request, response, chain);
        return response;
    }

    @Test
    void oversizedBodiesAreRefusedBeforeAnyControllerReadsThem() throws Exception {
        MockHttpServletResponse refused = send("/api/v1/applications", 65 * 1024);
        assertThat(refused.getStatus()).isEqualTo(413);
        assertThat(refused.getContentAsString()).contains("PAYLOAD_TOO_LARGE");
        assertThat(send("/api/v1/borrowers/me/identity", 7 * 1024 * 1024).getStatus()).isEqualTo(413);
    }

    @Test
    void identityUploadsMayCarryImagesAndSmallBodiesPass() throws Exception {
        assertThat(send("/api/v1/borrowers/me/identity", 5 * 1024 * 1024).getStatus()).isEqualTo(200);
        assertThat(send("/api/v1/applications", 2 * 1024).getStatus()).isEqualTo(200);
    }

    @Test
    void aBodyOfUndeclaredLengthIsCountedAsItIsReadAndFailsAtTheLimit() throws Exception {
        for (int bytes : new int[] {64 * 1024, 64 * 1024 + 1}) {
            var request = new MockHttpServletRequest("POST", "/api/v1/borrowers") {
                @Override
                public long getContentLengthLong() {
                    return -1;   // Transfer-Encoding: chunked
                }
            };
            request.setContent(new byte[bytes]);
            var chain = new MockFilterChain();
            new RequestSizeLimitFilter().doFilter(request, new MockHttpServletResponse(), chain);
            var body = chain.getRequest().getInputStream();
            if (bytes <= RequestSizeLimitFilter.DEFAULT_LIMIT) {
                assertThat(body.readAllBytes()).hasSize(bytes);
            } else {
                org.assertj.core.api.Assertions.assertThatThrownBy(body::readAllBytes)
                        .isInstanceOf(RequestSizeLimitFilter.PayloadTooLarge.class);
            }
        }
    }

    @Test
    void opsReviewAndInternalBodiesAreLimitedTooTheEngineAndWebappsAreNot() throws Exception {
        assertThat(send("/ops/v1/blacklist", 65 * 1024).getStatus()).isEqualTo(413);
        assertThat(send("/internal/v1/applications/a-1/credit-reports/q-1", 65 * 1024).getStatus()).isEqualTo(413);
        assertThat(send("/api/../ops/v1/blacklist", 65 * 1024).getStatus()).isEqualTo(413);
        assertThat(send("/engine-rest/deployment/create", 65 * 1024).getStatus()).isEqualTo(200);
        assertThat(send("/api/v1/borrowers/me/../me/identity", 5 * 1024 * 1024).getStatus()).isEqualTo(200);
    }
}
