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
 * message names the field, is unchanged. The same for any engine REST change the platform refused as input
 * ({@link #INPUT_REFUSED} in the message: a review completed without a decision, a variable that cannot be masked),
 * which the engine wraps in an exception REST answers 500 too.
 */
@Component
public class FormValidationStatusFilter extends OncePerRequestFilter {

    static final Pattern SUBMIT_TASK_FORM = Pattern.compile(".*/task/[^/]+/submit-form");
    // the engine REST changes where such a refusal can come from (not its POST queries, whose answers can be large
    // and are left unbuffered): task completion and forms, variables, process starts, messages, modifications,
    // attachments
    static final Pattern ENGINE_REST = Pattern.compile("(/engine-rest|/camunda/api/engine)/.*/(submit-form|complete"
            + "|resolve|start|variables(/[^/]+)?|localVariables(/[^/]+)?|modification|attachment/create)"
            + "|(/engine-rest|/camunda/api/engine)/(.*/)?(message|signal)");
    // the workers' long polling (an async request, whose answer a cached body would lose) and their completions
    static final Pattern EXTERNAL_TASKS = Pattern.compile(".*/external-task(/.*)?");
    /** How the platform's refusals of engine input begin: {@code throw new BadUserRequestException(INPUT_REFUSED + ...)}. */
    public static final String INPUT_REFUSED = "Input refused: ";
    private static final java.util.Set<String> CHANGES = java.util.Set.of("POST", "PUT", "PATCH");
    /** The engine's messages for a field that failed its validation or is not one of its enum's values. */
    static final List<String> FIELD_ERRORS = List.of("Invalid value submitted for form field",
            "Invalid value for enum form property");
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = PATHS.getPathWithinApplication(request);
        return !CHANGES.contains(request.getMethod()) || !ENGINE_REST.matcher(path).matches()
                || EXTERNAL_TASKS.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, answer);
            if (answer.getStatus() == HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
                String body = new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8);
                boolean formField = "POST".equals(request.getMethod())
                        && SUBMIT_TASK_FORM.matcher(PATHS.getPathWithinApplication(request)).matches()
                        && FIELD_ERRORS.stream().anyMatch(body::contains);
                if (formField || body.contains(INPUT_REFUSED)) {
                    answer.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                }
            }
        } finally {
            answer.copyBodyToResponse();
        }
    }
}
