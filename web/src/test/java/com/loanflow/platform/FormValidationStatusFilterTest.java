package com.loanflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Only a task form's field validation failure becomes a 400; other errors and other paths keep their status. */
class FormValidationStatusFilterTest {

    private static final String REFUSED = "{\"type\":\"RestException\",\"message\":\"Cannot submit task form t-1:"
            + " Invalid value submitted for form field 'reviewRejectionReason': validation of validator(...) failed.\"}";

    @Test
    void aFieldThatFailedValidationIsABadRequestWithTheSameBody() throws Exception {
        MockHttpServletResponse response = answer("POST", "/engine-rest/task/t-1/submit-form", 500, REFUSED);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(REFUSED);

        assertThat(answer("POST", "/camunda/api/engine/engine/default/task/t-1/submit-form", 500,
                "{\"message\":\"Invalid value for enum form property: R_MADE_UP\"}").getStatus())
                .as("Tasklist's own API").isEqualTo(400);
    }

    @Test
    void anyOtherAnswerIsLeftAlone() throws Exception {
        assertThat(answer("POST", "/engine-rest/task/t-1/submit-form", 500, "{\"message\":\"database down\"}")
                .getStatus()).isEqualTo(500);
        assertThat(answer("POST", "/engine-rest/task/t-1/complete", 500, REFUSED).getStatus()).isEqualTo(500);
        assertThat(answer("GET", "/engine-rest/task/t-1/submit-form", 500, REFUSED).getStatus()).isEqualTo(500);
        MockHttpServletResponse done = answer("POST", "/engine-rest/task/t-1/submit-form", 204, "");
        assertThat(done.getStatus()).isEqualTo(204);
    }

    private static MockHttpServletResponse answer(String method, String path, int status, String body) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new FormValidationStatusFilter().doFilter(request, response, (req, res) -> {
            ((HttpServletResponse) res).setStatus(status);
            res.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        });
        return response;
    }
}
