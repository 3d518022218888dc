package com.loanflow.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * APR as the IRR of the actual cash flows, checked against figures computed by hand (independently, with Python's
 * decimal module at 40 digits, bisection to 200 steps) for the schedules RepaymentSchedule produces.
 */
class AnnualPercentageRateTest {

    private static final LocalDate START = LocalDate.parse("2025-01-15");

    @Test
    void aLoanWithoutFeesHasTheNominalRateAsItsIrr() {
        // 1,000.00 over 6 months at 18%: 5 × 175.53 + 175.50; IRR 17.99994% → 18.00
        var schedule = RepaymentSchedule.equalInstallments(new BigDecimal("1000.00"), new BigDecimal("18.00"), 6, START);

        assertThat(schedule).extracting(RepaymentSchedule.Line::total).containsExactly(new BigDecimal("175.53"),
                new BigDecimal("175.53"), new BigDecimal("175.53"), new BigDecimal("175.53"), new BigDecimal("175.53"),
                new BigDecimal("175.50"));
        assertThat(AnnualPercentageRate.disclosed(new BigDecimal("1000.00"), new BigDecimal("0.00"), schedule))
                .isEqualByComparingTo("18.00");
    }

    @Test
    void aFeeDeductedFromThePayoutRaisesTheIrr() {
        var sixMonths = RepaymentSchedule.equalInstallments(new BigDecimal("1000.00"), new BigDecimal("18.00"), 6, START);
        var twelveMonths = RepaymentSchedule.equalInstallments(new BigDecimal("1000.00"), new BigDecimal("18.00"), 12,
                START);

        // 990.00 reaches the card, the same installments come back: IRR 21.55098% a year
        assertThat(AnnualPercentageRate.disclosed(new BigDecimal("1000.00"), new BigDecimal("10.00"), sixMonths))
                .isEqualByComparingTo("21.55");
        // 980.00 out, 11 × 91.68 + 91.66 back: 21.90670%
        assertThat(AnnualPercentageRate.disclosed(new BigDecimal("1000.00"), new BigDecimal("20.00"), twelveMonths))
                .isEqualByComparingTo("21.91");
    }

    @Test
    void pricingLowersTheNominalRateUntilTheFeeInclusiveAprFitsTheCap() {
        BigDecimal principal = new BigDecimal("1000.00");
        assertThat(AnnualPercentageRate.nominalWithinCap(principal, BigDecimal.ZERO.setScale(2), new BigDecimal("20.00"),
                6, START)).as("no fee, below the cap: the rate priced").isEqualByComparingTo("20.00");
        // no fee at the cap: 5 × 178.53 + 178.51 back is an IRR of 24.0020%, so one step down
        assertThat(AnnualPercentageRate.nominalWithinCap(principal, BigDecimal.ZERO.setScale(2), new BigDecimal("24.00"),
                6, START)).isEqualByComparingTo("23.99");
        BigDecimal lowered = AnnualPercentageRate.nominalWithinCap(principal, new BigDecimal("10.00"),
                new BigDecimal("24.00"), 6, START);
        assertThat(lowered).isLessThan(new BigDecimal("24.00"));
        BigDecimal apr = AnnualPercentageRate.disclosed(principal, new BigDecimal("10.00"),
                RepaymentSchedule.equalInstallments(principal, lowered, 6, START));
        assertThat(apr).isLessThanOrEqualTo(AnnualPercentageRate.CAP_PERCENT);
        assertThat(AnnualPercentageRate.exactPercent(AnnualPercentageRate.cashFlows(principal, new BigDecimal("10.00"),
                RepaymentSchedule.equalInstallments(principal, lowered.add(new BigDecimal("0.01")), 6, START))))
                .as("the highest rate that fits").isGreaterThan(AnnualPercentageRate.CAP_PERCENT);
        assertThatThrownBy(() -> AnnualPercentageRate.nominalWithinCap(new BigDecimal("500.00"),
                new BigDecimal("20.00"), new BigDecimal("24.00"), 1, START))
                .as("a fee no rate can make lawful").isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at any rate");
    }

    @Test
    void theCapIsComparedBeforeRoundingForDisclosure() {
        // 500.00 over 8 months at 24.00%: installments rounded to the fen give an IRR of 24.0038%, shown as "24.00"
        BigDecimal principal = new BigDecimal("500.00");
        var atCap = RepaymentSchedule.equalInstallments(principal, new BigDecimal("24.00"), 8, START);
        List<BigDecimal> flows = AnnualPercentageRate.cashFlows(principal, BigDecimal.ZERO.setScale(2), atCap);
        assertThat(AnnualPercentageRate.percent(flows)).isEqualByComparingTo("24.00");
        assertThat(AnnualPercentageRate.exactPercent(flows)).isGreaterThan(AnnualPercentageRate.CAP_PERCENT);
        assertThatThrownBy(() -> AnnualPercentageRate.disclosed(principal, BigDecimal.ZERO.setScale(2), atCap))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("24.0038%");

        BigDecimal priced = AnnualPercentageRate.nominalWithinCap(principal, BigDecimal.ZERO.setScale(2),
                new BigDecimal("24.00"), 8, START);
        assertThat(priced).isEqualByComparingTo("23.99");
        // every first-loan amount and term priced at the cap ends within it, unrounded
        for (int amount = 500; amount <= 2000; amount += 100) {
            for (int term = 1; term <= 12; term++) {
                BigDecimal p = BigDecimal.valueOf(amount).setScale(2);
                BigDecimal rate = AnnualPercentageRate.nominalWithinCap(p, BigDecimal.ZERO.setScale(2),
                        new BigDecimal("24.00"), term, START);
                assertThat(AnnualPercentageRate.exactPercent(AnnualPercentageRate.cashFlows(p, BigDecimal.ZERO.setScale(2),
                        RepaymentSchedule.equalInstallments(p, rate, term, START))))
                        .as(amount + " over " + term).isLessThanOrEqualTo(AnnualPercentageRate.CAP_PERCENT);
            }
        }
    }

    @Test
    void aProductWhoseIrrExceedsTheCapIsRefused() {
        // 980.00 out, the 6-month schedule back: IRR 25.15752% > 24%
        var schedule = RepaymentSchedule.equalInstallments(new BigDecimal("1000.00"), new BigDecimal("18.00"), 6, START);

        assertThatThrownBy(() -> AnnualPercentageRate.disclosed(new BigDecimal("1000.00"), new BigDecimal("20.00"),
                schedule)).isInstanceOf(IllegalStateException.class).hasMessageContaining("25.1575%")
                .hasMessageContaining("24.00% cap");
        assertThatThrownBy(() -> AnnualPercentageRate.disclosed(new BigDecimal("1000.00"), new BigDecimal("0.00"),
                RepaymentSchedule.equalInstallments(new BigDecimal("1000.00"), new BigDecimal("24.01"), 6, START)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theMonthlyIrrZeroesTheNetPresentValueToTheStatedPrecision() {
        List<BigDecimal> flows = AnnualPercentageRate.cashFlows(new BigDecimal("1000.00"), new BigDecimal("10.00"),
                RepaymentSchedule.equalInstallments(new BigDecimal("1000.00"), new BigDecimal("18.00"), 6, START));

        BigDecimal monthly = AnnualPercentageRate.monthlyIrr(flows);

        assertThat(monthly.round(new MathContext(8))).isEqualByComparingTo("0.017959150");
        assertThat(AnnualPercentageRate.npv(monthly, flows).abs()).isLessThan(new BigDecimal("1E-8"));
        assertThat(AnnualPercentageRate.npv(monthly.subtract(new BigDecimal("1E-6")), flows).signum()).isPositive();
        assertThat(AnnualPercentageRate.npv(monthly.add(new BigDecimal("1E-6")), flows).signum()).isNegative();
    }

    @Test
    void cashFlowsThatNeverPayBackAreNotAProduct() {
        assertThatThrownBy(() -> AnnualPercentageRate.monthlyIrr(List.of(new BigDecimal("-100"), new BigDecimal("50"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnnualPercentageRate.disclosed(new BigDecimal("1000.00"), new BigDecimal("1000.00"),
                RepaymentSchedule.equalInstallments(new BigDecimal("1000.00"), new BigDecimal("18.00"), 6, START)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDailyOverdueRateIsTheAprOver365RoundedDown() {
        assertThat(LoanProduct.penaltyDailyRatePercent(new BigDecimal("18.00"))).isEqualByComparingTo("0.0493");
        assertThat(LoanProduct.penaltyDailyRatePercent(new BigDecimal("24.00"))).isEqualByComparingTo("0.0657");
        // 160.53 overdue for one day: 160.53 × 0.0493% = 0.07914… → 0.08
        assertThat(LoanProduct.dailyPenalty(new BigDecimal("160.53"), new BigDecimal("18.00")))
                .isEqualByComparingTo("0.08");
    }
}
