package com.loanflow.payment;

import com.loanflow.platform.OpsApiSecurity;
import com.loanflow.shared.ApiException;
import com.loanflow.shared.Money;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payouts the channel never answered, and what operations record and apply from the channel's confirmation
 * ({@link PayoutConfirmations}). /ops/** is reachable only by the ops group (OpsApiSecurity); every step is audited.
 */
@RestController
class PayoutConfirmationController {

    record ChannelConfirmation(@NotBlank @Pattern(regexp = "SUCCEEDED|FAILED",
            message = "must be SUCCEEDED (the channel paid the card) or FAILED (no money left)") String status,
                               @Pattern(regexp = "[A-Za-z0-9_-]{1,64}",
                                       message = "must be the channel's transaction id: 1 to 64 of A-Z, a-z, 0-9, '_', '-'")
                               String channelTransactionId,
                               @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{4,64}",
                                       message = "must be the channel's ticket or case reference: 4 to 64 of A-Z, a-z,"
                                               + " 0-9, '_', '-'") String ticket,
                               @io.swagger.v3.oas.annotations.media.Schema(hidden = true)
                               @com.fasterxml.jackson.annotation.JsonAnySetter Map<String, Object> unexpectedFields) {
    }

    record Rejection(@NotBlank @Size(max = 255) String reason) {
    }

    record ConfirmationView(String status, String channelTransactionId, String ticket, String recordedBy,
                            LocalDateTime recordedAt) {

        static ConfirmationView of(DisbursementMapper.Confirmation c) {
            return new ConfirmationView(c.status(), c.channelTxnId(), c.ticket(), c.recordedBy(), c.recordedAt());
        }
    }

    record UnansweredPayout(String disbursementId, String applicationId, String requestId, String amount,
                            LocalDateTime sentAt, ConfirmationView confirmation) {
    }

    record Applied(String disbursementId, String outcome) {
    }

    private final PayoutConfirmations confirmations;

    PayoutConfirmationController(PayoutConfirmations confirmations) {
        this.confirmations = confirmations;
    }

    @GetMapping("/ops/v1/disbursements/unanswered")
    List<UnansweredPayout> unanswered(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 500) {
            throw ApiException.invalidField("limit", "must be between 1 and 500");
        }
        return confirmations.unanswered(limit).stream().map(u -> new UnansweredPayout(u.payout().id(),
                u.payout().applicationId(), u.payout().requestId(), Money.format(u.payout().amount()),
                u.payout().updatedAt(), u.confirmation().map(ConfirmationView::of).orElse(null))).toList();
    }

    @PostMapping("/ops/v1/disbursements/{disbursementId}/channel-confirmation")
    ConfirmationView record(@PathVariable String disbursementId, @Valid @RequestBody ChannelConfirmation confirmation,
                            HttpServletRequest http) {
        com.loanflow.device.UnexpectedFields.refuseUnknown(confirmation.unexpectedFields());
        if ("SUCCEEDED".equals(confirmation.status()) && confirmation.channelTransactionId() == null) {
            throw ApiException.invalidField("channelTransactionId", "is required when the channel confirms the payment");
        }
        if ("FAILED".equals(confirmation.status()) && confirmation.channelTransactionId() != null) {
            throw ApiException.invalidField("channelTransactionId", "must be absent: no money moved");
        }
        return ConfirmationView.of(confirmations.record(disbursementId, confirmation.status(),
                confirmation.channelTransactionId(), confirmation.ticket(), OpsApiSecurity.operator(http)));
    }

    /** The second operator names the confirmation they reviewed (as listed), which must be the one on record. */
    @PostMapping("/ops/v1/disbursements/{disbursementId}/channel-confirmation/approval")
    Applied approve(@PathVariable String disbursementId, @Valid @RequestBody ChannelConfirmation reviewed,
                    HttpServletRequest http) {
        com.loanflow.device.UnexpectedFields.refuseUnknown(reviewed.unexpectedFields());
        return new Applied(disbursementId, confirmations.approve(disbursementId, new DisbursementMapper.Confirmation(
                reviewed.status(), reviewed.channelTransactionId(), reviewed.ticket(), null, null),
                OpsApiSecurity.operator(http)).name());
    }

    @PostMapping("/ops/v1/disbursements/{disbursementId}/channel-confirmation/rejection")
    void reject(@PathVariable String disbursementId, @Valid @RequestBody Rejection rejection, HttpServletRequest http) {
        confirmations.reject(disbursementId, OpsApiSecurity.operator(http),
                com.loanflow.shared.logging.PersonalDataMasker.mask(rejection.reason()));
    }
}
