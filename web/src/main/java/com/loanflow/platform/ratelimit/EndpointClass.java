package com.loanflow.platform.ratelimit;

import jakarta.servlet.http.HttpServletRequest;

/** Endpoint classes with their own limits: the ones attackers hammer (login, OTP) get the tightest. */
enum EndpointClass {
    LOGIN, REGISTRATION, OTP, APPLICATION, REPAYMENT, GENERAL;

    private static final org.springframework.web.util.UrlPathHelper PATHS = new org.springframework.web.util.UrlPathHelper();

    /**
     * Classified by the path the request is dispatched to, decoded, without ;parameters and normalised: the raw URI
     * would let {@code /api/v1/%73essions} or {@code /api/v1/sessions;x=1} reach the login handler under the
     * general limit.
     */
    static EndpointClass of(HttpServletRequest request) {
        String path = path(request);
        boolean post = "POST".equals(request.getMethod()) || "PUT".equals(request.getMethod());
        if (post && path.equals("/api/v1/sessions")) {
            return LOGIN;
        }
        if (post && path.equals("/api/v1/borrowers")) {
            return REGISTRATION;
        }
        if (post && (path.endsWith("/contract/signature") || path.endsWith("/contract/signing-code"))) {
            return OTP;
        }
        if (post && path.equals("/api/v1/applications")) {
            return APPLICATION;
        }
        if (post && path.endsWith("/repayments")) {
            return REPAYMENT;
        }
        return GENERAL;
    }

    /** The path within the application as handlers see it: decoded, without ;parameters, normalised. */
    static String path(HttpServletRequest request) {
        String path = org.springframework.util.StringUtils.cleanPath(PATHS.getPathWithinApplication(request));
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    /** Login and OTP checks must not go unguarded when Redis is down; the rest degrades to no limit. */
    boolean failClosed() {
        return this == LOGIN || this == OTP;
    }
}
