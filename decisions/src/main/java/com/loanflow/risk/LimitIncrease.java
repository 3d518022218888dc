package com.loanflow.risk;

import java.math.BigDecimal;

/**
 * The answer of limit-increase.dmn: the new limit (never below the current one), the increase (zero when refused),
 * the reason code (L_) and the table version that decided.
 */
public record LimitIncrease(BigDecimal newLimit, BigDecimal increase, String reasonCode, String tableVersion) {

    public boolean granted() {
        return increase.signum() > 0;
    }
}
