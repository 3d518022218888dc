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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RepaymentController {

    /**
     * method: CARD_WITHHOLDING (the default: debited from the loan's card through the channel). A bank transfer to
     * the repayment account is not announced here: operations record it when the bank statement shows it.
     */
    record RepaymentRequest(@NotBlank @Pattern(regexp = "\\d{1,7}\\.\\d{2}",
            message = "must be a decimal string with two decimals, e.g. \"100.00\"") String amount,
                            @Pattern(regexp = "CARD_WITHHOLDING", message = "must be CARD_WITHHOLDING (a bank transfer"
                                    + " to the repayment account is recorded by operations when it arrives)")
                            String method,
                            @io.swagger.v3.oas.annotations.media.Schema(hidden = true)
                            @com.fasterxml.jackson.annotation.JsonAnySetter Map<String, Object> unexpectedFields) {
    }

    /** What the borrower sees of a repayment: PENDING until the channel answers, then APPLIED or FAILED. */
    /**
     * @param valueDate     the day the money reached the lender (null until it did)
     * @param penaltyWaived overdue interest accrued after the value date on what this money repaid, waived
     */
    record RepaymentView(String repaymentId, String loanId, String method, String amount, String status,
                         String principal, String interest, String penalty, java.time.LocalDateTime receivedAt,
                         java.time.LocalDate valueDate, String penaltyWaived) {

        static RepaymentView of(Repayment r) {
            return new RepaymentView(r.id(), r.loanId(), r.method(), Money.format(r.amount()), r.status(),
                    Money.format(r.principalPart()), Money.format(r.interestPart()), Money.format(r.penaltyPart()),
                    r.receivedAt(), r.valueDate(), Money.format(r.penaltyWaived()));
        }
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
        com.loanflow.device.UnexpectedFields.refuseUnknown(request.unexpectedFields());
        if (!idempotencyKey.matches("[A-Za-z0-9_-]{8,64}")) {
            throw ApiException.invalidField("Idempotency-Key", "must be 8 to 64 characters of A-Z, a-z, 0-9, _ or -");
        }
        BigDecimal amount = Money.parse(request.amount());
        if (amount.signum() <= 0) {
            throw ApiException.invalidField("amount", "must be greater than 0.00");
        }
        Repayment pending = withholdings.request(principal.borrowerId(), loanId, idempotencyKey, amount);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("repaymentId", pending.id());
        body.put("status", pending.status());
        body.put("method", pending.method());
        if (Repayment.PENDING.equals(pending.status())) {
            // committed above; the signed request goes out now (again, with the same request id, on a retry)
            Withholding sent = withholdings.send(pending.id());
            body.put("withholdingRequestId", sent.requestId());
            body.put("withholdingStatus", sent.status().name());
        }
        return body;
    }

    @GetMapping("/api/v1/loans/{loanId}/repayments/{repaymentId}")
    RepaymentView get(BorrowerPrincipal principal, @PathVariable String loanId, @PathVariable String repaymentId) {
        return repayments.getOwned(principal.borrowerId(), loanId, repaymentId).map(RepaymentView::of)
                .orElseThrow(() -> ApiException.notFound("Repayment"));
    }
}
