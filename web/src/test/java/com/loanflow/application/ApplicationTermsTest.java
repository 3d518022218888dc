package com.loanflow.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.loanflow.e2e.PlatformTest;
import com.loanflow.payment.DisbursingApplication;
import com.loanflow.shared.FieldCipher;
import com.loanflow.shared.Ids;
import java.math.BigDecimal;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The approved amount is what the contract cites and the payout pays: the database lets it be set only before
 * approval, and an application's loan only once.
 */
@PlatformTest
class ApplicationTermsTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FieldCipher cipher;

    @Autowired
    RuntimeService runtime;

    @Autowired
    Applications applications;

    @Test
    void termsCannotChangeOnceTheApplicationIsPastAssessmentNorItsLoanOnceRecorded() {
        var application = new DisbursingApplication(jdbc, cipher, runtime, "1000.00");
        var before = jdbc.queryForMap("SELECT status, approved_amount, credit_limit, apr_percent, loan_id, version"
                + " FROM loan_application WHERE id = ?", application.applicationId);

        assertThatThrownBy(() -> applications.recordTerms(application.applicationId, new BigDecimal("5000.00"),
                new BigDecimal("9.99"), new BigDecimal("5000.00"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("terms are fixed");
        applications.recordLoan(application.applicationId, "LN-" + Ids.newId().substring(0, 8));
        assertThatThrownBy(() -> applications.recordLoan(application.applicationId, "LN-other"))
                .isInstanceOf(IllegalStateException.class);

        var after = jdbc.queryForMap("SELECT status, approved_amount, credit_limit, apr_percent, version"
                + " FROM loan_application WHERE id = ?", application.applicationId);
        assertThat(after.get("approved_amount")).isEqualTo(before.get("approved_amount"));
        assertThat(after.get("apr_percent")).isEqualTo(before.get("apr_percent"));
        assertThat(((Number) after.get("version")).intValue()).as("only the first loan id was recorded")
                .isEqualTo(((Number) before.get("version")).intValue() + 1);
        assertThat(jdbc.queryForObject("SELECT loan_id FROM loan_application WHERE id = ?", String.class,
                application.applicationId)).startsWith("LN-").isNotEqualTo("LN-other");
    }
}
