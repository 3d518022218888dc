package com.loanflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The application request and the worker's applicant view print masked (a record prints every field). */
class ApplicationRecordsPrintMaskedTest {

    @Test
    void cardNameIdAndPhoneArePrintedMasked() {
        String request = new ApplicationRequest("1000.00", 6, "6222020000000056", "RENT", null,
                Map.of("contacts", "13900000000")).toString();
        assertThat(request).contains("****0056").contains("1000.00").contains("contacts")
                .doesNotContain("6222020000000056").doesNotContain("13900000000");
        String view = new ApplicantController.ApplicantView("app-1", "b-1", "孙八", "110101199003070011",
                "13812345678", "6222020000000056", "aW1hZ2U=", "c2VsZmll").toString();
        assertThat(view).contains("app-1").doesNotContain("孙八").doesNotContain("110101199003070011")
                .doesNotContain("13812345678").doesNotContain("6222020000000056").doesNotContain("aW1hZ2U=");
    }
}
