package com.loanflow.borrower;

import static com.loanflow.device.PlatformHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.loanflow.device.PlatformHttp;
import com.loanflow.e2e.RunningPlatform;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Photos held without a face recognition authorization (taken before it existed: here, its consent row removed) are
 * deleted by the nightly run; a borrower with the authorization keeps them, and so does one whose application is in
 * review until the review is over. The owner is then asked for new photos before applying.
 */
class FacePhotoRetentionTest extends RunningPlatform {

    @Autowired
    FacePhotoRetention retention;

    @Test
    void photosWithoutTheAuthorizationAreDeletedThoseWithItOrInUseAreKept() {
        PlatformHttp http = http();
        Borrower legacy = onboard(http);
        Borrower consented = onboard(http);
        Borrower inReview = onboard(http);
        for (Borrower taken : new Borrower[] {legacy, inReview}) {
            jdbc.update("DELETE FROM consent WHERE borrower_id = ? AND consent_type = 'FACE_RECOGNITION'", taken.id);
        }
        String review = openApplicationRow(inReview.id, "IN_REVIEW");
        try {
            retention.eraseWithoutConsent();

            assertThat(photos(legacy.id)).as("held without the authorization").isZero();
            assertThat(photos(consented.id)).as("authorized").isOne();
            assertThat(photos(inReview.id)).as("a reviewer may be looking at them").isOne();
            var headers = new java.util.HashMap<>(bearer(legacy.token));
            headers.put("Idempotency-Key", "retention-" + UUID.randomUUID());
            PlatformHttp.Response apply = http.send("POST", "/api/v1/applications", headers, Map.of("amount",
                    "800.00", "termMonths", 3, "bankCardNumber", "6222020000000056", "purpose", "CONSUMPTION"));
            assertThat(apply.status()).isEqualTo(409);
            assertThat(apply.json().path("code").asText()).isEqualTo("IDENTITY_REQUIRED");

            // the review over, the next run deletes them; a run with nothing to do changes nothing
            jdbc.update("UPDATE loan_application SET status = 'REJECTED', open_slot = NULL WHERE id = ?", review);
            retention.eraseWithoutConsent();
            assertThat(photos(inReview.id)).isZero();
            retention.eraseWithoutConsent();
            assertThat(photos(consented.id)).isOne();
        } finally {
            jdbc.update("UPDATE loan_application SET status = 'CANCELLED', open_slot = NULL WHERE id = ?"
                    + " AND status = 'IN_REVIEW'", review);
        }
    }

    private record Borrower(String id, String token) {
    }

    private Borrower onboard(PlatformHttp http) {
        String token = http.onboard(PlatformHttp.beijingPhone(), PlatformHttp.beijingIdNumber());
        String id = http.send("GET", "/api/v1/borrowers/me", bearer(token), null).json().path("borrowerId").asText();
        assertThat(photos(id)).isOne();
        return new Borrower(id, token);
    }

    private int photos(String borrowerId) {
        return count("SELECT COUNT(*) FROM identity_document WHERE borrower_id = ?", borrowerId);
    }
}
