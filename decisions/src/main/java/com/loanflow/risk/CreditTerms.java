package com.loanflow.risk;

import java.math.BigDecimal;

/**
 * Credit limit (scale 2, CNY) and APR in percent (scale 2, never above the cap).
 *
 * @param limitReasonCode for a repeat borrower, why the limit is what it is (an L_ code of limit-increase.dmn);
 *                        null for a first loan, whose limit is the tier's
 */
public record CreditTerms(BigDecimal creditLimit, BigDecimal aprPercent, String limitReasonCode) {

    public CreditTerms(BigDecimal creditLimit, BigDecimal aprPercent) {
        this(creditLimit, aprPercent, null);
    }
}
