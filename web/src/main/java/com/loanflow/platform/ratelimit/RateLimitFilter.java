package com.loanflow.platform.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the borrower API per client IP and per caller before any controller runs, so a refused request changes
 * nothing. Over the limit: 429 with Retry-After and the usual error body. The caller is the borrower behind a
 * session token when the token is live, so logging in again for a fresh token does not reset the count; an unknown
 * or expired token is counted by itself (it is refused by authentication anyway).
 */
class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RedisRateLimiter limiter;
    private final RateLimitProperties properties;
    private final Function<String, Optional<String>> borrowerOfToken;
    private final Function<HttpServletRequest, String> clientIp;

    /**
     * @param clientIp the client's address: the socket's, or behind a trusted proxy the one it forwarded (ClientIps),
     *                 so clients behind a TLS-terminating proxy do not share the proxy's one count
     */
    RateLimitFilter(RedisRateLimiter limiter, RateLimitProperties properties,
                    Function<String, Optional<String>> borrowerOfToken, Function<HttpServletRequest, String> clientIp) {
        this.limiter = limiter;
        this.properties = properties;
        this.borrowerOfToken = borrowerOfToken;
        this.clientIp = clientIp;
    }

    /**
     * Decided on the path the request is dispatched to (EndpointClass.path), not the raw URI: {@code /%61pi/...} or
     * {@code /api;x=1/...} reach the API's handlers and must not skip the limits.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !properties.enabled() || !EndpointClass.path(request).startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        EndpointClass endpoint = EndpointClass.of(request);
        RedisRateLimiter.Decision refused;
        try {
            refused = check(endpoint, request);
        } catch (RuntimeException redisDown) {
            if (endpoint.failClosed()) {
                log.error("Rate limit store unavailable; refusing {} request", endpoint, redisDown);
                write(response, 503, Duration.ofSeconds(5), "RATE_LIMIT_UNAVAILABLE", "Please retry shortly");
                return;
            }
            log.warn("Rate limit store unavailable; {} request let through", endpoint);
            refused = null;
        }
        if (refused != null) {
            write(response, 429, refused.retryAfter(), "RATE_LIMITED", "Too many requests; retry later");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The first limit exceeded, or null when the request may go on. */
    private RedisRateLimiter.Decision check(EndpointClass endpoint, HttpServletRequest request) {
        Integer ipLimit = properties.perIp().get(endpoint);
        if (ipLimit != null) {
            var decision = limiter.acquire(key(endpoint, "ip", clientIp.apply(request)), ipLimit, properties.window());
            if (!decision.allowed()) {
                return decision;
            }
        }
        String authorization = request.getHeader("Authorization");
        Integer callerLimit = properties.perCaller().get(endpoint);
        if (callerLimit != null && authorization != null) {
            var decision = limiter.acquire(key(endpoint, "caller", caller(authorization)), callerLimit,
                    properties.window());
            if (!decision.allowed()) {
                return decision;
            }
        }
        return null;
    }

    /** The borrower id behind a live bearer token, else the header itself. */
    private String caller(String authorization) {
        if (authorization.startsWith("Bearer ")) {
            Optional<String> borrower = borrowerOfToken.apply(authorization.substring("Bearer ".length()).trim());
            if (borrower.isPresent()) {
                return "borrower:" + borrower.get();
            }
        }
        return "header:" + authorization;
    }

    /** Keys hold a digest, not the IP, token or borrower id itself. */
    static String key(EndpointClass endpoint, String kind, String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return "rl:" + endpoint.name().toLowerCase() + ":" + kind + ":" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(HttpServletResponse response, int status, Duration retryAfter, String code, String message)
            throws IOException {
        response.setStatus(status);
        response.setHeader("Retry-After", String.valueOf(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"fieldErrors\":[]}");
    }
}
