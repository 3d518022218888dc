package com.loanflow.application;

import com.loanflow.borrower.Borrowers;
import com.loanflow.borrower.Borrowers.Applicant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Internal API for the workers: the one place plaintext personal data leaves the platform, to the identity and
 * bureau providers, and only over the authenticated internal channel (see InternalApiFilter).
 */
@RestController
class ApplicantController {

    record ApplicantView(String applicationId, String borrowerId, String name, String idNumber, String phone,
                         String bankCardNumber, String idCardFrontImage, String selfieImage) {

        @Override
        public String toString() {
            return "ApplicantView[" + applicationId + ", " + borrowerId + ", " + com.loanflow.shared.Masking.name(name)
                    + ", " + com.loanflow.shared.Masking.idNumber(idNumber) + ", " + com.loanflow.shared.Masking.phone(phone)
                    + ", " + com.loanflow.shared.Masking.bankCard(bankCardNumber) + ", images=****]";
        }
    }

    private final Applications applications;
    private final Borrowers borrowers;

    ApplicantController(Applications applications, Borrowers borrowers) {
        this.applications = applications;
        this.borrowers = borrowers;
    }

    @GetMapping("/internal/v1/applications/{applicationId}/applicant")
    ApplicantView applicant(@PathVariable String applicationId) {
        LoanApplication application = applications.get(applicationId);
        Applicant applicant = borrowers.applicant(application.borrowerId());
        return new ApplicantView(application.id(), application.borrowerId(), applicant.name(), applicant.idNumber(),
                applicant.phone(), applications.bankCardNumber(application), applicant.idCardFrontImage(),
                applicant.selfieImage());
    }
}
