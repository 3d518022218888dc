package com.loanflow.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * The worker account logs in to nothing. The Camunda webapps' login (/camunda/api/admin/auth/user/{engine}/login/
 * {app}) gives any engine user a session, and with it the engine REST API the webapps use (/camunda/api/engine),
 * on the public port, while the workers' own engine API is internal only (ADR 0029 addendum). A member of
 * {@code workers} is refused there with 403, so a leaked or guessed worker password is of no use from the internet.
 */
@Configuration
class WebappLogin {

    static final String WORKERS_GROUP = "workers";
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> webappLoginForStaffOnly(IdentityService identity) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = StringUtils.cleanPath(PATHS.getPathWithinApplication(request));
                if ("POST".equals(request.getMethod()) && path.matches("/camunda/api/admin/auth/user/[^/]+/login/.*")) {
                    // fail closed: a body the container would not parse (over its form size) still reaches the login
                    // resource, which reads it itself; no user name here means no login
                    String user = request.getParameter("username");
                    if (user == null
                            || identity.createUserQuery().userId(user).memberOfGroup(WORKERS_GROUP).count() > 0) {
                        response.sendError(HttpServletResponse.SC_FORBIDDEN);
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/camunda/api/admin/auth/*");
        registration.setName("webappLoginForStaffOnly");
        return registration;
    }
}
