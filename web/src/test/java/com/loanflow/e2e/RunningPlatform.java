package com.loanflow.e2e;

import com.loanflow.device.PlatformHttp;
import com.loanflow.workers.identity.IdCardOcr;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What most tests against the running platform share: its port, the database, an HTTP client and a way to onboard
 * a borrower whose application gets past the identity checks. The Spring context is the one {@link PlatformTest}
 * describes, shared by every such test class.
 */
@PlatformTest
public abstract class RunningPlatform {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    /** The platform's ID card reader (PlatformHttp.readableBeijingIdNumber). */
    @Autowired
    protected IdCardOcr ocr;

    protected PlatformHttp http() {
        return new PlatformHttp(port);
    }

    /** A 北京 ID number whose generated card the platform reads back, so the application reaches the bureau. */
    protected String readableIdNumber() {
        return PlatformHttp.readableBeijingIdNumber(ocr);
    }

    protected int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
