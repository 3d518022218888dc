package com.loanflow.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Borrower API bodies are small JSON; only the identity upload carries two images (2 MiB each, base64). A declared
 * larger body is refused with 413 before anything reads it; Tomcat's max-swallow-size caps undeclared ones.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    static final long IDENTITY_LIMIT = 6L * 1024 * 1024;
    static final long DEFAULT_LIMIT = 64L * 1024;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = request.getRequestURI().equals("/api/v1/borrowers/me/identity") ? IDENTITY_LIMIT : DEFAULT_LIMIT;
        if (request.getContentLengthLong() > limit) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType("application/json");
            response.getWriter().write("{\"code\":\"PAYLOAD_TOO_LARGE\",\"message\":\"Request body larger than "
                    + limit / 1024 + " KiB\",\"fieldErrors\":[]}");
            return;
        }
        chain.doFilter(request, response);
    }
}
