package com.loanflow.application;

import com.loanflow.loan.AnnualPercentageRate;
import com.loanflow.loan.LoanProduct;
import com.loanflow.shared.Money;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a borrower may ask for and the most it can cost, shown before anyone applies (responsible lending: the APR
 * cap and the overdue rate are disclosed up front, not first in the contract). No authentication: it is the
 * product's public price list.
 */
@RestController
class LoanProductController {

    /** @param repeatMaxAmount the most a borrower who repaid a loan here in full may ask for (maxAmount for others) */
    record ProductView(String minAmount, String maxAmount, String repeatMaxAmount, int minTermMonths, int maxTermMonths,
                       String aprCapPercent, String aprConvention, String serviceFee, String overdueInterest,
                       List<String> purposes) {
    }

    private final ProductView product;

    LoanProductController(LoanProduct loanProduct,
                          @Value("${loanflow.lending.min-amount:500.00}") BigDecimal minAmount,
                          @Value("${loanflow.lending.max-amount:2000.00}") BigDecimal maxAmount,
                          @Value("${loanflow.lending.repeat-max-amount:5000.00}") BigDecimal repeatMaxAmount) {
        this.product = new ProductView(Money.format(minAmount), Money.format(maxAmount), Money.format(repeatMaxAmount),
                ApplicationRequest.MIN_TERM_MONTHS, ApplicationRequest.MAX_TERM_MONTHS,
                AnnualPercentageRate.CAP_PERCENT.toPlainString(), AnnualPercentageRate.CONVENTION,
                Money.format(loanProduct.serviceFee()),
                "the loan's nominal APR / 365 per day on overdue principal only",
                List.of(ApplicationRequest.PURPOSES.split("\\|")));
    }

    @GetMapping("/api/v1/loan-product")
    ProductView product() {
        return product;
    }
}
