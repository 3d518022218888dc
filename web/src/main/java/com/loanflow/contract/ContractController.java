package com.loanflow.contract;

import com.loanflow.borrower.BorrowerPrincipal;
import com.loanflow.device.ClientIps;
import com.loanflow.shared.Money;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
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
     * What the page that asks for the signature shows, as the contract states it: the APR (IRR of the actual cash
     * flows, fee included; the nominal rate alone understates the cost when there is a fee), the service fee deducted
     * from the payout and so the money that reaches the card, every installment, and the totals. Amounts are strings
     * with two decimals.
     */
    record PricingView(String irrAprPercent, String serviceFee, String aprConvention, String approvedAmount,
                       String netPayout, int termMonths, String nominalAprPercent, String totalInterest,
                       String totalRepayable, List<InstallmentView> installments) {
    }

    /** One installment's amounts; its due date follows the payout day (the contract's schedule moves with it). */
    record InstallmentView(int seq, String principal, String interest, String amount) {
    }

    @GetMapping("/api/v1/applications/{id}/contract/pricing")
    PricingView pricing(BorrowerPrincipal principal, @PathVariable String id) {
        Contracts.Disclosure d = contracts.disclosureOwned(principal.borrowerId(), id);
        return new PricingView(d.pricing().irrAprPercent().toPlainString(), Money.format(d.pricing().serviceFee()),
                com.loanflow.loan.AnnualPercentageRate.CONVENTION, Money.format(d.approvedAmount()),
                Money.format(d.netPayout()), d.termMonths(), d.nominalAprPercent().toPlainString(),
                Money.format(d.totalInterest()), Money.format(d.totalRepayable()), d.installments().stream()
                .map(l -> new InstallmentView(l.seq(), Money.format(l.principal()), Money.format(l.interest()),
                        Money.format(l.total()))).toList());
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
