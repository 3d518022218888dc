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
 * HSTS on every HTTPS response (browsers then refuse plain HTTP for a year), and no caching or MIME sniffing of
 * borrower API responses, which carry masked personal data and loan figures; a strict CSP on the borrower web app.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String HSTS = "max-age=31536000; includeSubDomains";

    /**
     * The borrower web app (/app/) runs only its own files: no inline script or style, no third-party origin, no
     * framing. Its bearer token lives in sessionStorage, so script injection is the threat that matters; the app
     * also never writes server text as HTML. blob: is for the contract PDF it downloads with the token.
     */
    static final String APP_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
            + " frame-src blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        String uri = request.getRequestURI();
        if (uri.startsWith("/api/")) {
            response.setHeader("Cache-Control", "no-store");
        } else if (uri.equals("/app") || uri.startsWith("/app/")) {
            response.setHeader("Content-Security-Policy", APP_CSP);
            response.setHeader("X-Frame-Options", "DENY");
        }
        chain.doFilter(request, response);
    }
}
