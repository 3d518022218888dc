package com.loanflow.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UrlPathHelper;

/**
 * A task form submitted with a missing or invalid field (a review without a decision, a rejection without a reason) is
 * the reviewer's input error, but Camunda's REST resources (engine-rest and Tasklist's /camunda/api/engine) answer it
 * 500: they map every engine exception but FormFieldValidationException to 500, and field validators throw
 * FormFieldValidatorException. This turns exactly those answers of a task's submit-form into 400; the body, whose
 * message names the field, is unchanged.
 */
@Component
class FormValidationStatusFilter extends OncePerRequestFilter {

    static final Pattern SUBMIT_TASK_FORM = Pattern.compile(".*/task/[^/]+/submit-form");
    /** The engine's messages for a field that failed its validation or is not one of its enum's values. */
    static final List<String> FIELD_ERRORS = List.of("Invalid value submitted for form field",
            "Invalid value for enum form property");
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !SUBMIT_TASK_FORM.matcher(PATHS.getPathWithinApplication(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, answer);
            if (answer.getStatus() == HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
                String body = new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8);
                if (FIELD_ERRORS.stream().anyMatch(body::contains)) {
                    answer.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                }
            }
        } finally {
            answer.copyBodyToResponse();
        }
    }
}
