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

    /** A row-only open application of the borrower in the given state (no process behind it). */
    protected String openApplicationRow(String borrowerId, String status) {
        String id = java.util.UUID.randomUUID().toString();
        java.time.LocalDateTime now = java.time.LocalDateTime.now().withNano(0);
        jdbc.update("INSERT INTO loan_application (id, borrower_id, idempotency_key, requested_amount, term_months,"
                + " bank_card_enc, bank_card_idx, bank_card_masked, purpose, status, open_slot, created_at, updated_at,"
                + " version) VALUES (?, ?, ?, 800.00, 3, 'x', ?, '****0056', 'CONSUMPTION', ?, 1, ?, ?, 0)",
                id, borrowerId, "fixture-" + id, java.util.UUID.randomUUID().toString().replace("-", ""), status, now,
                now);
        return id;
    }

    protected int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
