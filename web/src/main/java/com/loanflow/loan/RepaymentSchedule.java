package com.loanflow.loan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Equal monthly installments (等额本息) at APR/12 per month. Each month's interest is on the remaining principal,
 * rounded to the fen; the last installment takes whatever principal remains so the principal sums exactly.
 */
public final class RepaymentSchedule {

    public record Line(int seq, LocalDate dueDate, BigDecimal principal, BigDecimal interest) {
        public BigDecimal total() {
            return principal.add(interest);
        }
    }

    private static final MathContext MC = MathContext.DECIMAL128;

    private RepaymentSchedule() {
    }

    public static List<Line> equalInstallments(BigDecimal principal, BigDecimal aprPercent, int termMonths, LocalDate start) {
        if (termMonths < 1) {
            throw new IllegalArgumentException("termMonths must be positive");
        }
        BigDecimal monthlyRate = aprPercent.divide(BigDecimal.valueOf(1200), MC);
        BigDecimal payment = payment(principal, monthlyRate, termMonths);
        List<Line> lines = new ArrayList<>();
        BigDecimal remaining = principal.setScale(2, RoundingMode.UNNECESSARY);
        for (int seq = 1; seq <= termMonths; seq++) {
            BigDecimal interest = remaining.multiply(monthlyRate, MC).setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal principalPart = seq == termMonths ? remaining : payment.subtract(interest).min(remaining);
            lines.add(new Line(seq, start.plusMonths(seq), principalPart, interest));
            remaining = remaining.subtract(principalPart);
        }
        return lines;
    }

    private static BigDecimal payment(BigDecimal principal, BigDecimal monthlyRate, int n) {
        if (monthlyRate.signum() == 0) {
            return principal.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_EVEN);
        }
        BigDecimal growth = BigDecimal.ONE.add(monthlyRate).pow(n, MC);
        return principal.multiply(monthlyRate, MC).multiply(growth, MC)
                .divide(growth.subtract(BigDecimal.ONE), MC).setScale(2, RoundingMode.HALF_EVEN);
    }

    public static BigDecimal totalInterest(List<Line> lines) {
        return lines.stream().map(Line::interest).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
