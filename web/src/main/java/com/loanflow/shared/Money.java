package com.loanflow.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money is BigDecimal at scale 2 (CNY fen), HALF_EVEN unless a rule says otherwise; on the wire a "1000.00" string. */
public final class Money {

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Money() {
    }

    public static BigDecimal of(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    /** Parses a wire amount; more than two decimals is an input error, not something to round away silently. */
    public static BigDecimal parse(String amount) {
        BigDecimal value = new BigDecimal(amount);
        if (value.scale() > 2) {
            throw new NumberFormatException("more than two decimals");
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static String format(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
