package com.loanflow.borrower;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The borrower closes their account (ADR 0024): the password again, nothing open with the lender. Answers whether
 * the personal data is erased now or kept until the end of the retention period, and ends every session.
 */
@RestController
class AccountClosureController {

    record ClosureRequest(@NotBlank @Size(max = 64) @com.loanflow.shared.MaxUtf8Bytes(72) String password) {

        @Override
        public String toString() {
            return "ClosureRequest[password=***]";
        }
    }

    private final AccountClosure closures;

    AccountClosureController(AccountClosure closures) {
        this.closures = closures;
    }

    @PostMapping("/api/v1/borrowers/me/closure")
    AccountClosure.Closure close(BorrowerPrincipal principal, @Valid @RequestBody ClosureRequest request) {
        return closures.close(principal.borrowerId(), request.password());
    }
}
