package com.loanflow.contract;

import static com.loanflow.device.PlatformHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.loanflow.device.PlatformHttp;
import com.loanflow.e2e.RunningPlatform;
import com.loanflow.notification.SandboxSmsMapper;
import com.loanflow.shared.BlindIndex;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signing code's text message leaves only with the code's committed row: a preparation that rolls back (and is
 * retried by the job executor) must not have put a code on the borrower's phone that matches nothing.
 */
class SigningCodeMessageTest extends RunningPlatform {

    @Autowired
    SigningCodes codes;

    @Autowired
    SandboxSmsMapper outbox;

    @Autowired
    BlindIndex blindIndex;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aRolledBackIssueSendsNothingAndACommittedOneSendsOneMessage() {
        String phone = PlatformHttp.beijingPhone();
        PlatformHttp http = http();
        String token = http.onboard(phone, readableIdNumber());
        String borrowerId = http.send("GET", "/api/v1/borrowers/me", bearer(token), null).json().path("borrowerId")
                .asText();
        String applicationId = application(borrowerId);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        String phoneIdx = blindIndex.of("phone", phone);
        // only signing-code messages count: onboarding's own messages arrive asynchronously
        java.util.function.Supplier<Long> codeMessages = () -> outbox.findByPhoneIdx(phoneIdx).stream()
                .filter(sms -> sms.body().contains("签署验证码")).count();

        assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> {
            codes.issue(applicationId, phone, "借款800.00元，3期，年化利率18.00%，应还本息合计820.13元");
            throw new IllegalStateException("the preparation fails after the code was issued");
        })).hasMessageContaining("preparation fails");
        assertThat(codeMessages.get()).as("no message for a code that was rolled back").isZero();
        assertThat(count("SELECT COUNT(*) FROM signing_code WHERE application_id = ?", applicationId)).isZero();

        transaction.executeWithoutResult(tx -> {
            codes.issue(applicationId, phone, "借款800.00元，3期，年化利率18.00%，应还本息合计820.13元");
            assertThat(codeMessages.get()).as("not before the commit").isZero();
        });
        assertThat(codeMessages.get()).isOne();
        assertThat(count("SELECT COUNT(*) FROM signing_code WHERE application_id = ?", applicationId)).isOne();
    }

    private String application(String borrowerId) {
        String id = UUID.randomUUID().toString();
        LocalDateTime now = LocalDateTime.now().withNano(0);
        jdbc.update("INSERT INTO loan_application (id, borrower_id, idempotency_key, requested_amount, term_months,"
                + " bank_card_enc, bank_card_idx, bank_card_masked, purpose, status, open_slot, created_at, updated_at,"
                + " version) VALUES (?, ?, ?, 800.00, 3, 'x', ?, '****0056', 'CONSUMPTION', 'CANCELLED', NULL, ?, ?, 0)",
                id, borrowerId, "fixture-" + id, UUID.randomUUID().toString().replace("-", ""), now, now);
        return id;
    }
}
