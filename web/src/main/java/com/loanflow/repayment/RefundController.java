package com.loanflow.repayment;

import com.loanflow.platform.OpsApiSecurity;
import com.loanflow.shared.Masking;
import com.loanflow.shared.Money;
import com.loanflow.shared.ValidBankCard;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations pay back money a loan did not owe (REFUND_DUE, listed by GET /ops/v1/repayments/attention): one operator
 * records the outgoing bank transfer, another approves or rejects it. Ops group only; every step audited.
 */
@RestController
class RefundController {

    /**
     * The outgoing statement line as the operator reads it: its reference, amount (which must be the amount due) and
     * the card it was paid to (which must be the card on the loan).
     */
    record RefundTransfer(@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{6,40}",
            message = "must be the outgoing bank statement line's reference: 6 to 40 of A-Z, a-z, 0-9, '-'")
                          String bankReference,
                          @NotBlank @Pattern(regexp = "\\d{1,7}\\.\\d{2}",
                                  message = "must be a decimal string with two decimals, e.g. \"100.00\"") String amount,
                          @NotBlank @ValidBankCard String payeeCardNumber,
                          @io.swagger.v3.oas.annotations.media.Schema(hidden = true)
                          @com.fasterxml.jackson.annotation.JsonAnySetter java.util.Map<String, Object> unexpectedFields) {

        @Override
        public String toString() {
            return "RefundTransfer[" + bankReference + ", " + amount + ", " + Masking.bankCard(payeeCardNumber) + "]";
        }
    }

    record Rejection(@NotBlank @Size(max = 255) String reason) {
    }

    record RefundView(String refundId, String repaymentId, String loanId, String amount, String bankReference,
                      String payeeCard, String status, String recordedBy, String decidedBy, LocalDateTime decidedAt) {

        static RefundView of(Refund r) {
            return new RefundView(r.id(), r.repaymentId(), r.loanId(), Money.format(r.amount()), r.bankReference(),
                    r.payeeCardMasked(), r.status(), r.recordedBy(), r.decidedBy(), r.decidedAt());
        }
    }

    private final Refunds refunds;

    RefundController(Refunds refunds) {
        this.refunds = refunds;
    }

    @PostMapping("/ops/v1/repayments/{repaymentId}/refund")
    @ResponseStatus(HttpStatus.CREATED)
    RefundView record(@PathVariable String repaymentId, @Valid @RequestBody RefundTransfer transfer,
                      HttpServletRequest http) {
        com.loanflow.device.UnexpectedFields.refuseUnknown(transfer.unexpectedFields());
        return RefundView.of(refunds.record(repaymentId, transfer.bankReference(), Money.parse(transfer.amount()),
                transfer.payeeCardNumber(), OpsApiSecurity.operator(http)));
    }

    /** Refunds recorded and awaiting a second operator's approval, oldest first. */
    @org.springframework.web.bind.annotation.GetMapping("/ops/v1/refunds/pending")
    java.util.List<RefundView> pending(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 500) {
            throw com.loanflow.shared.ApiException.invalidField("limit", "must be between 1 and 500");
        }
        return refunds.pending(limit).stream().map(RefundView::of).toList();
    }

    @PostMapping("/ops/v1/refunds/{refundId}/approval")
    RefundView approve(@PathVariable String refundId, HttpServletRequest http) {
        return RefundView.of(refunds.approve(refundId, OpsApiSecurity.operator(http)));
    }

    @PostMapping("/ops/v1/refunds/{refundId}/rejection")
    RefundView reject(@PathVariable String refundId, @Valid @RequestBody Rejection rejection, HttpServletRequest http) {
        return RefundView.of(refunds.reject(refundId, OpsApiSecurity.operator(http),
                com.loanflow.shared.logging.PersonalDataMasker.mask(rejection.reason())));
    }
}
