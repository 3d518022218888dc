package com.loanflow.loan;

import com.loanflow.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The product's price beyond the nominal rate: a service fee deducted from the payout (default none) and the daily
 * overdue rate, which the contract states as the nominal APR / 365 rounded down to 0.0001%, so that it can never
 * exceed the cap once annualised.
 */
@Component
public class LoanProduct {

    private final BigDecimal serviceFee;

    LoanProduct(@Value("${loanflow.lending.service-fee:0.00}") String serviceFee) {
        this.serviceFee = Money.parse(serviceFee);
    }

    public BigDecimal serviceFee() {
        return serviceFee;
    }

    public static BigDecimal penaltyDailyRatePercent(BigDecimal aprPercent) {
        return aprPercent.divide(BigDecimal.valueOf(365), 4, RoundingMode.DOWN);
    }

    /** One day's overdue interest on the overdue principal, to the fen (HALF_EVEN). */
    public static BigDecimal dailyPenalty(BigDecimal overduePrincipal, BigDecimal aprPercent) {
        return overduePrincipal.multiply(penaltyDailyRatePercent(aprPercent))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_EVEN);
    }
}
