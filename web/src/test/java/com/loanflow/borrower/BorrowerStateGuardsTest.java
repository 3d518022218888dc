package com.loanflow.borrower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.loanflow.e2e.PlatformTest;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The borrower row's state changes are guarded in SQL, not only in Java: the verification status moves only from
 * the states a step may start from, and the credit limit is written only on the version that was read.
 */
@PlatformTest
class BorrowerStateGuardsTest {

    @Autowired
    Borrowers borrowers;

    @Autowired
    BorrowerMapper mapper;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void identityIsVerifiedOnlyAfterItWasSubmitted() {
        String id = borrower("NOT_SUBMITTED");
        assertThatThrownBy(() -> borrowers.markIdentityVerified(id)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NOT_SUBMITTED");
        assertThat(status(id)).isEqualTo("NOT_SUBMITTED");

        jdbc.update("UPDATE borrower SET verification_status = 'SUBMITTED' WHERE id = ?", id);
        borrowers.markIdentityVerified(id);
        borrowers.markIdentityVerified(id);   // a retried job
        assertThat(status(id)).isEqualTo("VERIFIED");

        borrowers.markIdentityFailed(id);
        assertThat(status(id)).isEqualTo("FAILED");
        assertThatThrownBy(() -> borrowers.markIdentityVerified(id)).as("a failed identity is submitted again first")
                .isInstanceOf(IllegalStateException.class);
        assertThat(status(id)).isEqualTo("FAILED");
    }

    @Test
    void theCreditLimitIsWrittenOnTheVersionThatWasRead() {
        String id = borrower("VERIFIED");
        int version = jdbc.queryForObject("SELECT version FROM borrower WHERE id = ?", Integer.class, id);

        borrowers.recordCreditLimit(id, new BigDecimal("1500.00"));
        assertThat(jdbc.queryForObject("SELECT credit_limit FROM borrower WHERE id = ?", BigDecimal.class, id))
                .isEqualByComparingTo("1500.00");

        // a writer that read the row before that change finds nothing to update
        assertThat(mapper.updateCreditLimit(id, new BigDecimal("2000.00"), version)).isZero();
        assertThat(mapper.updateVerificationStatus(id, com.loanflow.borrower.VerificationStatus.FAILED,
                EnumSet.of(com.loanflow.borrower.VerificationStatus.SUBMITTED))).isZero();
        assertThat(jdbc.queryForObject("SELECT credit_limit FROM borrower WHERE id = ?", BigDecimal.class, id))
                .isEqualByComparingTo("1500.00");
        assertThatThrownBy(() -> borrowers.recordCreditLimit("no-such-borrower", BigDecimal.TEN))
                .isNotInstanceOf(OptimisticLockingFailureException.class);
    }

    private String borrower(String verificationStatus) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO borrower (id, phone_enc, phone_idx, phone_masked, password_hash, verification_status,"
                        + " created_at) VALUES (?, 'x', ?, '139****0000', 'not-a-login', ?, ?)", id,
                UUID.randomUUID().toString().replace("-", ""), verificationStatus, LocalDateTime.now().withNano(0));
        return id;
    }

    private String status(String id) {
        return jdbc.queryForObject("SELECT verification_status FROM borrower WHERE id = ?", String.class, id);
    }
}
