package com.loanflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Only a task form's field validation failure, or engine input the platform refused, becomes a 400; other errors and
 * other paths keep their status.
 */
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

    private static final String INPUT = "{\"type\":\"RestException\",\"message\":\"Cannot complete task t-1: ENGINE-03051"
            + " There was an exception while invoking the TaskListener. Message: 'Exception while invoking TaskListener: "
            + FormValidationStatusFilter.INPUT_REFUSED + "reviewDecision: must be APPROVE or REJECT'\"}";

    @Test
    void aChangeThePlatformRefusedAsInputIsABadRequest() throws Exception {
        assertThat(answer("POST", "/engine-rest/task/t-1/complete", 500, INPUT).getStatus()).isEqualTo(400);
        assertThat(answer("PUT", "/camunda/api/engine/engine/default/process-instance/p-1/variables/note", 500, INPUT)
                .getStatus()).as("Cockpit's add variable").isEqualTo(400);
        assertThat(answer("POST", "/engine-rest/task/t-1/attachment/create", 500, INPUT).getStatus()).isEqualTo(400);
    }

    @Test
    void anyOtherAnswerIsLeftAlone() throws Exception {
        assertThat(answer("POST", "/engine-rest/task/t-1/submit-form", 500, "{\"message\":\"database down\"}")
                .getStatus()).isEqualTo(500);
        assertThat(answer("POST", "/engine-rest/task/t-1/complete", 500, REFUSED).getStatus())
                .as("a form field's message outside submit-form").isEqualTo(500);
        assertThat(answer("GET", "/engine-rest/task/t-1", 500, INPUT).getStatus()).as("not a change").isEqualTo(500);
        assertThat(answer("POST", "/api/v1/applications", 500, INPUT).getStatus()).as("not the engine's REST")
                .isEqualTo(500);
        assertThat(new FormValidationStatusFilter().shouldNotFilter(new MockHttpServletRequest("POST",
                "/engine-rest/history/variable-instance"))).as("a POST query's answer is not buffered").isTrue();
        MockHttpServletRequest poll = new MockHttpServletRequest("POST", "/engine-rest/external-task/fetchAndLock");
        assertThat(new FormValidationStatusFilter().shouldNotFilter(poll))
                .as("the workers' long polling answers asynchronously: never wrapped").isTrue();
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
