package com.loanflow.payment;

import com.loanflow.shared.FieldCipher;
import java.net.http.HttpClient;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Test fixture bean (found by the platform tests' component scan): an active loan paid out through the sandbox
 * channel, in one call, instead of each test class wiring the database, cipher, engine and channel itself.
 */
@Component
public class PaidOutLoans {

    /** The application fixture (its borrower id, amount) and the loan its payout activated. */
    public record PaidOut(DisbursingApplication application, String loanId) {
    }

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;
    private final RuntimeService runtime;
    private final Disbursements disbursements;
    private final Environment environment;
    private final HttpClient http = HttpClient.newHttpClient();

    PaidOutLoans(JdbcTemplate jdbc, FieldCipher cipher, RuntimeService runtime, Disbursements disbursements,
                 Environment environment) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.runtime = runtime;
        this.disbursements = disbursements;
        this.environment = environment;
    }

    public PaidOut paidOut(String amount) throws Exception {
        return paidOut(new DisbursingApplication(jdbc, cipher, runtime, amount));
    }

    /** With the bank card the borrower gave (a sandbox test card decides how the channel behaves). */
    public PaidOut paidOut(String amount, String card) throws Exception {
        return paidOut(new DisbursingApplication(jdbc, cipher, runtime, amount, card));
    }

    private PaidOut paidOut(DisbursingApplication application) throws Exception {
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        return new PaidOut(application, application.paidOut(disbursements, http, port));
    }
}
