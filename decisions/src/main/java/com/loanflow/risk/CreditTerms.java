package com.loanflow.risk;

import java.math.BigDecimal;

/** Credit limit (scale 2, CNY) and APR in percent (scale 2, never above the cap). */
public record CreditTerms(BigDecimal creditLimit, BigDecimal aprPercent) {
}
