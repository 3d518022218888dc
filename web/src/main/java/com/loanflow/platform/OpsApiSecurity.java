package com.loanflow.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * /ops/** answers engine users in group ops or camunda-admin only, by HTTP basic against Camunda's identity service
 * (the same accounts as Cockpit; Camunda's login throttling applies). The user id as the identity service stores it
 * (not as typed) is left in the request attribute {@value #OPS_USER} for four-eyes checks and the audit trail.
 */
@Configuration
public class OpsApiSecurity {

    public static final String OPS_USER = "loanflow.opsUser";
    /** How far back an ops run for a past day (reconciliation, accrual) may reach. */
    public static final int MAX_LOOKBACK_DAYS = 400;
    static final Set<String> OPS_GROUPS = Set.of("ops", "camunda-admin");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> opsApiAuthentication(IdentityService identity) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (crossSiteChange(request)) {
                    refuse(response, HttpServletResponse.SC_FORBIDDEN, "CROSS_SITE_REQUEST",
                            "Changes are not accepted from another site's page");
                    return;
                }
                java.util.Optional<String> user = engineUser(identity, request.getHeader(HttpHeaders.AUTHORIZATION));
                if (user.isEmpty()) {
                    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"loanflow-ops\"");
                    refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED", "Ops credentials required");
                    return;
                }
                String userId = user.get();
                boolean ops = identity.createGroupQuery().groupMember(userId).list().stream()
                        .map(Group::getId).anyMatch(OPS_GROUPS::contains);
                if (!ops) {
                    refuse(response, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN", "Ops group membership required");
                    return;
                }
                request.setAttribute(OPS_USER, userId);
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/ops/*");
        registration.setName("opsApiAuthentication");
        return registration;
    }

    /**
     * The operator of this /ops request, for the audit trail. This filter sets it on every /ops request it lets
     * through; without it a change could not be attributed, so it is refused.
     */
    public static String operator(jakarta.servlet.http.HttpServletRequest request) {
        Object user = request.getAttribute(OPS_USER);
        if (user == null) {
            throw new com.loanflow.shared.ApiException(org.springframework.http.HttpStatus.UNAUTHORIZED,
                    "UNAUTHENTICATED", "Ops credentials required");
        }
        return user.toString();
    }

    /**
     * The engine account an HTTP basic header proves, by its id as stored, not as typed: four-eyes checks and the
     * audit trail compare ids, so one person must have one spelling. Camunda's own tables compare ids exactly
     * (utf8_bin), but an identity provider that matches case-insensitively (LDAP) would let "OPS1" in as ops1.
     */
    public static java.util.Optional<String> engineUser(IdentityService identity, String authorizationHeader) {
        String[] credentials = basicCredentials(authorizationHeader);
        if (credentials == null || !identity.checkPassword(credentials[0], credentials[1])) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(identity.createUserQuery().userId(credentials[0]).singleResult())
                .map(org.camunda.bpm.engine.identity.User::getId);
    }

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /**
     * A change sent by a browser from another site's page. A browser that once opened an /ops URL keeps the basic
     * credentials and sends them with any form another page posts to us (an approval takes no body), so a page could
     * have an operator's browser approve what a colleague recorded, four eyes satisfied. Browsers say where a request
     * comes from (Sec-Fetch-Site, else Origin); scripts and curl say nothing and are not affected.
     */
    static boolean crossSiteChange(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return !"same-origin".equals(site) && !"none".equals(site);
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return false;
        }
        try {
            java.net.URI uri = java.net.URI.create(origin);
            String host = request.getHeader(HttpHeaders.HOST);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host == null || uri.getHost() == null || !host.equalsIgnoreCase(authority);
        } catch (IllegalArgumentException unreadable) {
            return true; // "null" (a sandboxed frame, a data: page) or garbage: not our page
        }
    }

    static String[] basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static void refuse(HttpServletResponse response, int status, String code, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"fieldErrors\":[]}");
    }
}
