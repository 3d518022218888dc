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

    private static final org.springframework.web.util.UrlPathHelper PATHS = new org.springframework.web.util.UrlPathHelper();

    /**
     * The borrower web app (/app/) runs only its own files: no inline script or style, no third-party origin, no
     * framing, no form posts. Its bearer token lives in sessionStorage, so script injection is the threat that
     * matters; the app also never writes server text as HTML. (The contract PDF is a blob: download link, which no
     * fetch directive governs.)
     */
    static final String APP_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        // decoded and normalised as the servlet container maps it ("//app/x", "/app/./x", "/app;p/x" are "/app/x"):
        // the raw URI would let an oddly written link load the app without its CSP
        String path = org.springframework.util.StringUtils.cleanPath(PATHS.getPathWithinApplication(request));
        if (path.startsWith("/api/")) {
            response.setHeader("Cache-Control", "no-store");
        } else if (path.equals("/app") || path.startsWith("/app/")) {
            response.setHeader("Content-Security-Policy", APP_CSP);
            response.setHeader("X-Frame-Options", "DENY");
        }
        chain.doFilter(request, response);
    }
}
