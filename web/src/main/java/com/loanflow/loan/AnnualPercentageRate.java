package com.loanflow.loan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The APR disclosed to the borrower: the internal rate of return of the loan's actual cash flows — the amount that
 * reaches the card at month 0 (principal less any fee deducted from the payout) and each installment at months
 * 1..n — found by bisection on the monthly rate to within 1e-12, then annualised as a nominal rate (monthly IRR × 12,
 * the convention of China's 2021 APR disclosure rule for equal installments), printed with 2 decimals, HALF_UP. The
 * cap is checked on the unrounded figure.
 */
public final class AnnualPercentageRate {

    /** The legal ceiling on the annualised cost of credit (Supreme People's Court, 4 × LPR ≈ 24% as priced here). */
    public static final BigDecimal CAP_PERCENT = new BigDecimal("24.00");

    /** How the disclosed APR is computed, in words, wherever it is shown. */
    public static final String CONVENTION = "IRR of the actual cash flows, monthly IRR x 12 (nominal), 2 decimals";

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal PRECISION = new BigDecimal("1E-12");
    private static final BigDecimal TWELVE_HUNDRED = BigDecimal.valueOf(1200);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private AnnualPercentageRate() {
    }

    /** Cash flows per month: index 0 is negative (the payout), the rest positive (installments). */
    public static BigDecimal monthlyIrr(List<BigDecimal> cashFlows) {
        if (cashFlows.size() < 2 || cashFlows.get(0).signum() >= 0) {
            throw new IllegalArgumentException("cash flows must start with the payout (negative) and have installments");
        }
        BigDecimal low = BigDecimal.ZERO;
        BigDecimal high = BigDecimal.ONE; // 100% a month: far above any lawful product
        if (npv(low, cashFlows).signum() < 0) {
            throw new IllegalArgumentException("installments repay less than was paid out: no non-negative IRR");
        }
        if (npv(high, cashFlows).signum() > 0) {
            throw new IllegalArgumentException("IRR above 100% a month");
        }
        while (high.subtract(low).compareTo(PRECISION) > 0) {
            BigDecimal mid = low.add(high).divide(TWO, MC);
            if (npv(mid, cashFlows).signum() > 0) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return low.add(high).divide(TWO, MC);
    }

    /** Net present value at a monthly rate; decreasing in the rate for a loan's cash flows. */
    public static BigDecimal npv(BigDecimal monthlyRate, List<BigDecimal> cashFlows) {
        BigDecimal factor = BigDecimal.ONE.add(monthlyRate);
        BigDecimal discount = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal flow : cashFlows) {
            sum = sum.add(flow.divide(discount, MC));
            discount = discount.multiply(factor, MC);
        }
        return sum;
    }

    /** Annual nominal percentage, 2 decimals: monthly IRR × 12 × 100. */
    public static BigDecimal percent(List<BigDecimal> cashFlows) {
        return exactPercent(cashFlows).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Annual nominal percentage before rounding for display: the cap is compared with this, since a loan whose IRR
     * is 24.0038% is above a 24% cap even though it is disclosed as "24.00".
     */
    public static BigDecimal exactPercent(List<BigDecimal> cashFlows) {
        return monthlyIrr(cashFlows).multiply(TWELVE_HUNDRED, MC);
    }

    /** Whether the loan's IRR is within the cap, compared unrounded (within the bisection's precision). */
    public static boolean withinCap(List<BigDecimal> cashFlows) {
        return withinCap(cashFlows, CAP_PERCENT);
    }

    /** Whether the loan's IRR is within {@code capPercent} (a strategy's cap, at most the legal one). */
    public static boolean withinCap(List<BigDecimal> cashFlows, BigDecimal capPercent) {
        return exactPercent(cashFlows).compareTo(capPercent.min(CAP_PERCENT)) <= 0;
    }

    /** The flows of an equal-installment loan whose fee is deducted from the payout. */
    public static List<BigDecimal> cashFlows(BigDecimal principal, BigDecimal fee, List<RepaymentSchedule.Line> schedule) {
        List<BigDecimal> flows = new ArrayList<>();
        flows.add(principal.subtract(fee).negate());
        schedule.forEach(line -> flows.add(line.total()));
        return flows;
    }

    /**
     * The nominal rate to offer so that, with the fee deducted from the payout, the disclosed APR stays within the
     * cap: the rate priced when it already does, else lowered by 0.01 points until it does. Pricing checks this before
     * an application is approved, so a borrower is never approved for a loan whose contract could not be issued.
     *
     * @throws IllegalStateException when the fee alone exceeds the cap for this amount and term (a product
     *                               configuration no rate can make lawful)
     */
    public static BigDecimal nominalWithinCap(BigDecimal principal, BigDecimal fee, BigDecimal nominalPercent,
                                              int termMonths, java.time.LocalDate start) {
        return nominalWithinCap(principal, fee, nominalPercent, termMonths, start, CAP_PERCENT);
    }

    /** The same within the cap of the strategy that priced the loan (never above the legal cap). */
    public static BigDecimal nominalWithinCap(BigDecimal principal, BigDecimal fee, BigDecimal nominalPercent,
                                              int termMonths, java.time.LocalDate start, BigDecimal capPercent) {
        BigDecimal step = new BigDecimal("0.01");
        for (BigDecimal rate = nominalPercent; rate.signum() >= 0; rate = rate.subtract(step)) {
            var schedule = RepaymentSchedule.equalInstallments(principal, rate, termMonths, start);
            if (withinCap(cashFlows(principal, fee, schedule), capPercent)) {
                return rate;
            }
        }
        throw new IllegalStateException("a fee of " + fee + " on " + principal + " over " + termMonths
                + " months exceeds the " + capPercent.min(CAP_PERCENT) + "% APR cap at any rate");
    }

    /** The disclosed APR of a product, refused when it exceeds the cap: such a loan must not be offered. */
    public static BigDecimal disclosed(BigDecimal principal, BigDecimal fee, List<RepaymentSchedule.Line> schedule) {
        if (fee.signum() < 0 || fee.compareTo(principal) >= 0) {
            throw new IllegalArgumentException("fee " + fee + " must be between 0 and the principal " + principal);
        }
        List<BigDecimal> flows = cashFlows(principal, fee, schedule);
        BigDecimal apr = percent(flows);
        if (!withinCap(flows)) {
            throw new IllegalStateException("APR (IRR) " + exactPercent(flows).setScale(4, RoundingMode.HALF_UP)
                    + "% exceeds the " + CAP_PERCENT + "% cap: principal "
                    + principal + ", fee " + fee + ", " + schedule.size() + " installments");
        }
        return apr;
    }
}
