package com.loanflow.platform.ratelimit;

import jakarta.servlet.http.HttpServletRequest;

/** Endpoint classes with their own limits: the ones attackers hammer (login, OTP) get the tightest. */
enum EndpointClass {
    LOGIN, REGISTRATION, OTP, APPLICATION, REPAYMENT, GENERAL;

    static EndpointClass of(HttpServletRequest request) {
        String path = request.getRequestURI();
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

    /** Login and OTP checks must not go unguarded when Redis is down; the rest degrades to no limit. */
    boolean failClosed() {
        return this == LOGIN || this == OTP;
    }
}
