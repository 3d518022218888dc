package com.loanflow.repayment;

import com.loanflow.borrower.BorrowerPrincipal;
import com.loanflow.shared.ApiException;
import com.loanflow.shared.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
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

    /** method: DIRECT (default, applied at once) or CARD_WITHHOLDING (debited from the card through the channel). */
    record RepaymentRequest(@NotBlank @Pattern(regexp = "\\d{1,7}\\.\\d{2}",
            message = "must be a decimal string with two decimals, e.g. \"100.00\"") String amount,
                            @Pattern(regexp = "DIRECT|CARD_WITHHOLDING", message = "must be DIRECT or CARD_WITHHOLDING")
                            String method) {
    }

    private final Repayments repayments;
    private final Withholdings withholdings;

    RepaymentController(Repayments repayments, Withholdings withholdings) {
        this.repayments = repayments;
        this.withholdings = withholdings;
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
        if (Repayment.CARD_WITHHOLDING.equals(request.method())) {
            Repayment pending = withholdings.request(principal.borrowerId(), loanId, idempotencyKey, amount);
            Map<String, String> body = new LinkedHashMap<>();
            body.put("repaymentId", pending.id());
            body.put("status", pending.status());
            body.put("method", pending.method());
            if ("PENDING".equals(pending.status())) {
                // committed above; the signed request goes out now (again, with the same request id, on a retry)
                Withholding sent = withholdings.send(pending.id());
                body.put("withholdingRequestId", sent.requestId());
                body.put("withholdingStatus", sent.status().name());
            }
            return body;
        }
        Repayment repayment = repayments.repay(principal.borrowerId(), loanId, idempotencyKey, amount);
        return Map.of("repaymentId", repayment.id(), "status", repayment.status());
    }
}
