package com.loanflow.borrower;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Request and identity records print masked (Spring logs request bodies at DEBUG; a record prints every field). */
class RequestRecordsPrintMaskedTest {

    @Test
    void borrowerRequestsAndTheApplicantPrintNoPersonalDataOrPassword() {
        String registration = new BorrowerRequests.Registration("13812345678", "Secret123abc",
                List.of(new BorrowerRequests.ConsentGiven("PRIVACY_POLICY", "1.0"))).toString();
        assertThat(registration).contains("138****5678").contains("PRIVACY_POLICY")
                .doesNotContain("13812345678").doesNotContain("Secret123abc");
        assertThat(new BorrowerRequests.Login("13812345678", "Secret123abc").toString())
                .contains("138****5678").doesNotContain("13812345678").doesNotContain("Secret123abc");
        assertThat(new BorrowerRequests.PasswordChange("Secret123abc", "Other456def").toString())
                .doesNotContain("Secret123abc").doesNotContain("Other456def");
        assertThat(new BorrowerRequests.Identity("孙八", "110101199003070011", "aW1hZ2U=", "c2VsZmll").toString())
                .contains("孙*").contains("1101**********0011")
                .doesNotContain("孙八").doesNotContain("110101199003070011").doesNotContain("aW1hZ2U=");
        assertThat(new Borrowers.Applicant("孙八", "110101199003070011", "13812345678", "aW1hZ2U=", "c2VsZmll")
                .toString()).doesNotContain("孙八").doesNotContain("110101199003070011").doesNotContain("13812345678")
                .doesNotContain("c2VsZmll");
        // what an operator revealed is for their screen; the response body is logged at DEBUG
        assertThat(new RevealController.Revealed("b-1", RevealController.Field.NAME, "孙八").toString())
                .contains("NAME").doesNotContain("孙八");
    }
}
