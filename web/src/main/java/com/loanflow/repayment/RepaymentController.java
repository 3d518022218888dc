package com.loanflow.repayment;

import com.loanflow.borrower.BorrowerPrincipal;
import com.loanflow.shared.ApiException;
import com.loanflow.shared.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RepaymentController {

    record RepaymentRequest(@NotBlank @Pattern(regexp = "\\d{1,7}\\.\\d{2}",
            message = "must be a decimal string with two decimals, e.g. \"100.00\"") String amount) {
    }

    private final Repayments repayments;

    RepaymentController(Repayments repayments) {
        this.repayments = repayments;
    }

    @PostMapping("/api/v1/loans/{loanId}/repayments")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> repay(BorrowerPrincipal principal, @PathVariable String loanId,
                              @RequestHeader("Idempotency-Key") String idempotencyKey,
                              @Valid @RequestBody RepaymentRequest request) {
        if (!idempotencyKey.matches("[A-Za-z0-9_-]{8,64}")) {
            throw ApiException.invalidField("Idempotency-Key", "must be 8 to 64 characters of A-Z, a-z, 0-9, _ or -");
        }
        BigDecimal amount = Money.parse(request.amount());
        if (amount.signum() <= 0) {
            throw ApiException.invalidField("amount", "must be greater than 0.00");
        }
        Repayment repayment = repayments.repay(principal.borrowerId(), loanId, idempotencyKey, amount);
        return Map.of("repaymentId", repayment.id(), "status", repayment.status());
    }
}
