package com.loanflow.borrower;

import com.loanflow.shared.ApiException;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Resolves a {@link BorrowerPrincipal} parameter from the bearer token; no valid token → 401. */
@Configuration
class BorrowerAuthentication implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    private final SessionTokens sessions;

    BorrowerAuthentication(SessionTokens sessions) {
        this.sessions = sessions;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == BorrowerPrincipal.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith("Bearer ") || header.length() < 20) {
            throw unauthorized();
        }
        String token = header.substring("Bearer ".length()).trim();
        return sessions.borrowerFor(token)
                .map(id -> new BorrowerPrincipal(id, token))
                .orElseThrow(BorrowerAuthentication::unauthorized);
    }

    private static ApiException unauthorized() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "A valid bearer token is required");
    }
}
