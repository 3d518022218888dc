package com.loanflow.application;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.loanflow.device.ClientDevice;
import com.loanflow.shared.ValidBankCard;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;

/**
 * POST /api/v1/applications. Amount and term bounds are those of a first micro-loan. {@code device} is optional;
 * any field not named here (contacts, call logs, installed apps, ...) is refused, see UnexpectedFields.
 */
record ApplicationRequest(
        @NotBlank @Pattern(regexp = "\\d{1,7}\\.\\d{2}", message = "must be a decimal string with two decimals, e.g. \"1000.00\"")
        String amount,
        @NotNull @Min(value = ApplicationRequest.MIN_TERM_MONTHS, message = "must be between 1 and 12")
        @Max(value = ApplicationRequest.MAX_TERM_MONTHS, message = "must be between 1 and 12")
        Integer termMonths,
        @NotBlank @ValidBankCard String bankCardNumber,
        @NotBlank @Pattern(regexp = ApplicationRequest.PURPOSES,
                message = "must be one of CONSUMPTION, EDUCATION, MEDICAL, RENT, TRAVEL, OTHER") String purpose,
        @Valid ClientDevice device,
        @Schema(hidden = true) @JsonAnySetter Map<String, Object> unexpectedFields) {

    // the bounds the validation above enforces, also published by GET /api/v1/loan-product
    static final int MIN_TERM_MONTHS = 1;
    static final int MAX_TERM_MONTHS = 12;
    static final String PURPOSES = "CONSUMPTION|EDUCATION|MEDICAL|RENT|TRAVEL|OTHER";

    @Override
    public String toString() {
        return "ApplicationRequest[amount=" + amount + ", termMonths=" + termMonths + ", bankCardNumber="
                + com.loanflow.shared.Masking.bankCard(bankCardNumber) + ", purpose=" + purpose + ", device=" + device
                + ", unexpectedFields=" + (unexpectedFields == null ? null : unexpectedFields.keySet()) + "]";
    }
}
