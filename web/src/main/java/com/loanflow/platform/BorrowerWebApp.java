package com.loanflow.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The borrower web app: static files under classpath:/static/app/ (no build step, see docs/adr/0019), served at
 * /app/. It talks only to the public borrower API, like any other client.
 */
@Configuration
class BorrowerWebApp implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/app", "/app/");
        registry.addViewController("/app/").setViewName("forward:/app/index.html");
    }
}
