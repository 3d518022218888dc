package com.loanflow.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A second, plain-HTTP connector for service-to-service calls inside the private network (workers, payment channel
 * callbacks), so the public port can be HTTPS only. It serves only the paths those callers need, and the public port
 * does not serve those meant for the private network only.
 */
@Configuration
@ConditionalOnExpression("'${loanflow.internal-port:}' != '' && '${loanflow.internal-port:}' != '${server.port:8080}'")
class InternalPort {

    static final List<String> INTERNAL_PATHS = List.of("/engine-rest/", "/internal/", "/api/v1/payment-callbacks/",
            "/sandbox/", "/actuator/health", "/actuator/prometheus");
    /**
     * Served on the internal port only: business metrics are for the monitoring network; the payment channel's
     * callbacks come from the channel (through the private network, never from a borrower's browser); the sandbox
     * providers (SMS outbox with signing codes, channel, TSA) are for the platform and operations, not the internet;
     * the workers' APIs (the engine REST API, and /internal/v1, which answers an applicant's plain identity to the
     * holder of one shared token) are for the workers, so neither a leaked token nor a password guess against the
     * engine's accounts works from the internet. Staff use Tasklist and Cockpit (/camunda), which stay public.
     */
    static final List<String> INTERNAL_ONLY_PATHS = List.of("/actuator/prometheus", "/api/v1/payment-callbacks/",
            "/sandbox/", "/engine-rest/", "/internal/");
    private static final org.springframework.web.util.UrlPathHelper PATHS = new org.springframework.web.util.UrlPathHelper();

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> internalConnector(
            @Value("${loanflow.internal-port}") int port) {
        return factory -> {
            Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
            connector.setPort(port);
            factory.addAdditionalTomcatConnectors(connector);
        };
    }

    @Bean
    OncePerRequestFilter internalPortPaths(@Value("${loanflow.internal-port}") int port) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                // decoded and normalised as the container maps it: "//actuator/prometheus" and
                // "/internal/../api/..." are judged by where they lead, not by how they start
                String path = org.springframework.util.StringUtils.cleanPath(PATHS.getPathWithinApplication(request));
                if (request.getLocalPort() == port && INTERNAL_PATHS.stream().noneMatch(path::startsWith)) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                if (request.getLocalPort() != port && INTERNAL_ONLY_PATHS.stream()
                        .anyMatch(prefix -> path.startsWith(prefix) || (path + "/").equals(prefix))) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }
}
