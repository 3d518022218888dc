package com.loanflow.contract;

import com.loanflow.borrower.BorrowerPrincipal;
import com.loanflow.device.ClientIps;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ContractController {

    record SignatureRequest(@NotBlank @Pattern(regexp = "\\d{6}", message = "must be the 6-digit code") String otp) {
    }

    private final Contracts contracts;
    private final ClientIps clientIps;

    ContractController(Contracts contracts, ClientIps clientIps) {
        this.contracts = contracts;
        this.clientIps = clientIps;
    }

    @GetMapping("/api/v1/applications/{id}/contract")
    ResponseEntity<byte[]> contract(BorrowerPrincipal principal, @PathVariable String id) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"contract-" + id + ".pdf\"")
                .body(contracts.pdf(principal.borrowerId(), id));
    }

    /**
     * The APR the contract discloses (IRR of the actual cash flows, fee included) and the service fee deducted from the
     * payout, for the page that asks for the signature; the nominal rate alone understates the cost when there is a fee.
     */
    record PricingView(String irrAprPercent, String serviceFee, String aprConvention) {
    }

    @GetMapping("/api/v1/applications/{id}/contract/pricing")
    PricingView pricing(BorrowerPrincipal principal, @PathVariable String id) {
        Contracts.Pricing pricing = contracts.pricingOwned(principal.borrowerId(), id);
        return new PricingView(pricing.irrAprPercent().toPlainString(), com.loanflow.shared.Money.format(pricing.serviceFee()),
                com.loanflow.loan.AnnualPercentageRate.CONVENTION);
    }

    @PostMapping("/api/v1/applications/{id}/contract/signing-code")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> resend(BorrowerPrincipal principal, @PathVariable String id) {
        contracts.resendCode(principal.borrowerId(), id);
        return Map.of("status", "SENT");
    }

    @PostMapping("/api/v1/applications/{id}/contract/signature")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> sign(BorrowerPrincipal principal, @PathVariable String id,
                             @Valid @RequestBody SignatureRequest request, HttpServletRequest http) {
        contracts.sign(principal.borrowerId(), id, request.otp(), clientIps.of(http), http.getHeader(HttpHeaders.USER_AGENT));
        return Map.of("status", "CONTRACT_SIGNED");
    }
}
