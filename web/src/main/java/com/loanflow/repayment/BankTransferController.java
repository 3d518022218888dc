package com.loanflow.repayment;

import com.loanflow.platform.OpsApiSecurity;
import com.loanflow.shared.ApiException;
import com.loanflow.shared.Money;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations record a borrower's bank transfer to the lender's repayment account from the bank statement line that
 * shows it arrived (its reference, amount and value date); another operator approves it (then it is applied as of
 * that value date) or rejects it. /ops/** is reachable only by the
 * ops group (OpsApiSecurity); every step is audited with its operator, and the statement line's reference counts
 * once across all loans.
 */
@RestController
class BankTransferController {

    record BankTransfer(@NotBlank @Pattern(regexp = "\\d{1,7}\\.\\d{2}",
            message = "must be a decimal string with two decimals, e.g. \"100.00\"") String amount,
                        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{6,40}",
                                message = "must be the bank statement line's reference: 6 to 40 of A-Z, a-z, 0-9, '-'")
                        String bankReference,
                        @NotBlank @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}",
                                message = "must be the statement line's value date, YYYY-MM-DD") String valueDate,
                        @io.swagger.v3.oas.annotations.media.Schema(hidden = true)
                        @com.fasterxml.jackson.annotation.JsonAnySetter java.util.Map<String, Object> unexpectedFields) {
    }

    record Rejection(@NotBlank @jakarta.validation.constraints.Size(max = 255) String reason) {
    }

    /** A repayment for finance to act on, and why. */
    record Attention(String reason, String repaymentId, String loanId, String method, String status, String amount,
                     String bankReference, String recordedBy, java.time.LocalDateTime receivedAt, String refundId) {

        /** A refund already recorded for a REFUND_DUE repayment: it waits for a second operator, not for a transfer. */
        static Attention of(Repayment r, java.util.Optional<Refund> refundAwaitingApproval) {
            String reason = Repayment.REFUND_DUE.equals(r.status())
                    ? refundAwaitingApproval.isPresent() ? "REFUND_AWAITING_APPROVAL" : "REFUND_DUE"
                    : Repayment.BANK_TRANSFER.equals(r.method()) ? "AWAITING_SECOND_OPERATOR"
                    : "LEGACY_DIRECT_UNVERIFIED";
            return new Attention(reason, r.id(), r.loanId(), r.method(), r.status(), Money.format(r.amount()),
                    r.bankReference(), r.recordedBy(), r.receivedAt(), refundAwaitingApproval.map(Refund::id).orElse(null));
        }
    }

    private final Repayments repayments;
    private final RepaymentMapper mapper;
    private final Refunds refunds;

    BankTransferController(Repayments repayments, RepaymentMapper mapper, Refunds refunds) {
        this.repayments = repayments;
        this.mapper = mapper;
        this.refunds = refunds;
    }

    /** Refunds due, transfers awaiting approval and the unverified DIRECT rows of before V11, newest first. */
    @org.springframework.web.bind.annotation.GetMapping("/ops/v1/repayments/attention")
    java.util.List<Attention> attention(
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 500) {
            throw ApiException.invalidField("limit", "must be between 1 and 500");
        }
        return mapper.findNeedingAttention(limit).stream().map(r -> Attention.of(r, Repayment.REFUND_DUE.equals(r.status())
                ? refunds.awaitingApproval(r.id()) : java.util.Optional.empty())).toList();
    }

    @PostMapping("/ops/v1/loans/{loanId}/bank-transfers")
    @ResponseStatus(HttpStatus.CREATED)
    RepaymentController.RepaymentView record(@PathVariable String loanId, @Valid @RequestBody BankTransfer transfer,
                                             HttpServletRequest http) {
        com.loanflow.device.UnexpectedFields.refuseUnknown(transfer.unexpectedFields());
        BigDecimal amount = Money.parse(transfer.amount());
        if (amount.signum() <= 0) {
            throw ApiException.invalidField("amount", "must be greater than 0.00");
        }
        java.time.LocalDate valueDate;
        try {
            valueDate = java.time.LocalDate.parse(transfer.valueDate());
        } catch (java.time.format.DateTimeParseException notADate) {
            throw ApiException.invalidField("valueDate", "is not a calendar date");
        }
        return RepaymentController.RepaymentView.of(repayments.recordBankTransfer(loanId, transfer.bankReference(),
                amount, valueDate, OpsApiSecurity.operator(http)));
    }

    @PostMapping("/ops/v1/bank-transfers/{repaymentId}/approval")
    RepaymentController.RepaymentView approve(@PathVariable String repaymentId, HttpServletRequest http) {
        return RepaymentController.RepaymentView.of(repayments.approveBankTransfer(repaymentId, OpsApiSecurity.operator(http)));
    }

    @PostMapping("/ops/v1/bank-transfers/{repaymentId}/rejection")
    RepaymentController.RepaymentView reject(@PathVariable String repaymentId,
                                             @Valid @RequestBody Rejection rejection, HttpServletRequest http) {
        return RepaymentController.RepaymentView.of(
                repayments.rejectBankTransfer(repaymentId, OpsApiSecurity.operator(http),
                        com.loanflow.shared.logging.PersonalDataMasker.mask(rejection.reason())));
    }
}
