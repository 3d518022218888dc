package com.loanflow.risk.model;

import com.loanflow.risk.CreditBureauReport;
import org.junit.jupiter.api.Test;

import java.util.HashSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each column of the GMSC feature mapping, including missing values and past-due sentinel codes. */
class CreditFeaturesTest {

    /** utilization 0.4, age 41, 30-59: 2, debt ratio 0.3, income 6000, 9 lines, 90+: 1, 2 real estate, 60-89: 1, 3 dependents */
    private static final CreditBureauReport REPORT = new CreditBureauReport(0, 1, 2, 1, false, false,
            0.4, 41, 2, 0.3, 6000.0, 9, 1, 2, 1, 3);

    private static float feature(CreditBureauReport r, String name) {
        return CreditFeatures.of(r)[CreditFeatures.NAMES.indexOf(name)];
    }

    @Test
    void namesCodesAndConstraintsLineUp() {
        assertThat(CreditFeatures.CODES).hasSize(CreditFeatures.COUNT).doesNotHaveDuplicates();
        assertThat(CreditFeatures.MONOTONE).hasSize(CreditFeatures.COUNT);
        assertThat(new HashSet<>(CreditFeatures.NAMES)).hasSize(CreditFeatures.COUNT);
        assertThat(CreditFeatures.of(REPORT)).hasSize(CreditFeatures.COUNT);
        assertThat(CreditFeatures.monotoneConstraints()).isEqualTo("(0,0,1,0,0,0,1,0,1,0,0,1,1,0,0,0,0)");
    }

    @Test
    void constrainsEveryDelinquencyFeatureAndNothingElse() {
        for (int i = 0; i < CreditFeatures.COUNT; i++) {
            String name = CreditFeatures.NAMES.get(i);
            boolean delinquency = name.contains("PastDue") && !name.equals("PastDueSpecialCode")
                    || name.contains("DaysLate");
            assertThat(CreditFeatures.MONOTONE.get(i)).as(name).isEqualTo(delinquency ? 1 : 0);
        }
    }

    @Test
    void copiesTheBureauFieldsIntoTheV1Columns() {
        float[] f = CreditFeatures.of(REPORT);
        assertThat(f[0]).isEqualTo(0.4f);
        assertThat(f[1]).isEqualTo(41f);
        assertThat(f[2]).isEqualTo(2f);
        assertThat(f[3]).isEqualTo(0.3f);
        assertThat(f[4]).isEqualTo(6000f);
        assertThat(f[5]).isEqualTo(9f);
        assertThat(f[6]).isEqualTo(1f);
        assertThat(f[7]).isEqualTo(2f);
        assertThat(f[8]).isEqualTo(1f);
        assertThat(f[9]).isEqualTo(3f);
        assertThat(f[10]).isZero();
    }

    @Test
    void sumsAndWeighsThePastDueCounts() {
        assertThat(feature(REPORT, "PastDueTotal")).isEqualTo(2 + 1 + 1);
        assertThat(feature(REPORT, "PastDueWeighted")).isEqualTo(2 + 2 * 1 + 3 * 1);
    }

    @Test
    void derivesDebtPaymentIncomePerMemberAndOtherLines() {
        assertThat(feature(REPORT, "MonthlyIncomeMissing")).isZero();
        assertThat(feature(REPORT, "MonthlyDebtPayment")).isCloseTo(1800f, within(1e-3f));
        assertThat(feature(REPORT, "IncomePerHouseholdMember")).isCloseTo(1500f, within(1e-3f)); // 6000 / (1 + 3)
        assertThat(feature(REPORT, "OtherCreditLines")).isEqualTo(7f);
    }

    @Test
    void missingIncomeLeavesIncomeFeaturesMissingAndIsFlagged() {
        CreditBureauReport noIncome = new CreditBureauReport(0, 1, 2, 1, false, false,
                0.4, 41, 2, 1850.0, null, 9, 1, 2, 1, 3);
        assertThat(feature(noIncome, "MonthlyIncome")).isNaN();
        assertThat(feature(noIncome, "MonthlyIncomeMissing")).isEqualTo(1f);
        assertThat(feature(noIncome, "MonthlyDebtPayment")).isNaN();
        assertThat(feature(noIncome, "IncomePerHouseholdMember")).isNaN();
        assertThat(feature(noIncome, "DebtRatio")).isEqualTo(1850f); // GMSC: a debt amount when income is NA
    }

    @Test
    void missingDependentsAreMissingButCountAsNoneForIncomePerMember() {
        CreditBureauReport noDependents = new CreditBureauReport(0, 1, 2, 1, false, false,
                0.4, 41, 2, 0.3, 6000.0, 9, 1, 2, 1, null);
        assertThat(feature(noDependents, "NumberOfDependents")).isNaN();
        assertThat(feature(noDependents, "IncomePerHouseholdMember")).isEqualTo(6000f);
    }

    @Test
    void noDependentsIsZeroNotMissingAndTheApplicantAloneIsTheHousehold() {
        CreditBureauReport none = new CreditBureauReport(0, 1, 2, 1, false, false,
                0.4, 41, 2, 0.3, 6000.0, 9, 1, 2, 1, 0);
        assertThat(feature(none, "NumberOfDependents")).isZero();
        assertThat(feature(none, "IncomePerHouseholdMember")).isEqualTo(6000f); // 6000 / (1 + 0)
    }

    @Test
    void negativeDependentsPassThroughRawButCountAsNoneForIncomePerMember() {
        // without Math.max(0, ...) -1 would divide by zero (Infinity) and -3 give a negative income (-3000)
        for (int dependents : new int[] {-1, -3}) {
            CreditBureauReport negative = new CreditBureauReport(0, 1, 2, 1, false, false,
                    0.4, 41, 2, 0.3, 6000.0, 9, 1, 2, 1, dependents);
            assertThat(feature(negative, "NumberOfDependents")).as("raw column").isEqualTo((float) dependents);
            assertThat(feature(negative, "IncomePerHouseholdMember")).as("%d dependents", dependents)
                    .isEqualTo(6000f);
        }
    }

    @Test
    void aZeroIncomeIsReportedNotMissingAndZeroesTheIncomeFeatures() {
        // Known GMSC quirk, left as is: an income of 0 with a DebtRatio above 1 (1,191 of gmsc-dev's 1,270 zero-income
        // rows; here 2450) is a debt amount like the NA rows', yet the indicator says "reported" and the payment is 0.
        // The shipped v2 model learned exactly this mapping: changing it means retraining, not just the mapping.
        CreditBureauReport zeroIncome = new CreditBureauReport(0, 1, 2, 1, false, false,
                0.4, 41, 2, 2450.0, 0.0, 9, 1, 2, 1, 3);
        assertThat(feature(zeroIncome, "MonthlyIncome")).isZero();
        assertThat(feature(zeroIncome, "MonthlyIncomeMissing")).isZero();
        assertThat(feature(zeroIncome, "MonthlyDebtPayment")).isZero(); // 2450 * 0
        assertThat(feature(zeroIncome, "IncomePerHouseholdMember")).isZero(); // 0 / (1 + 3)
        assertThat(feature(zeroIncome, "DebtRatio")).isEqualTo(2450f);
    }

    @Test
    void extremeUtilisationAndDebtRatioPassThroughUnchangedAndFinite() {
        // the largest values in shared/data/gmsc-dev.csv.gz: utilisation 50708, DebtRatio 329664; no clipping here
        CreditBureauReport extreme = new CreditBureauReport(0, 1, 2, 1, false, false,
                50708.0, 41, 2, 329664.0, 6000.0, 9, 1, 2, 1, 3);
        float[] f = CreditFeatures.of(extreme);
        assertThat(feature(extreme, "RevolvingUtilizationOfUnsecuredLines")).isEqualTo(50708f);
        assertThat(feature(extreme, "DebtRatio")).isEqualTo(329664f);
        assertThat(feature(extreme, "MonthlyDebtPayment")).isEqualTo(1.977984e9f); // 329664 * 6000, exact in a float
        for (int i = 0; i < f.length; i++) {
            assertThat(Float.isFinite(f[i])).as(CreditFeatures.NAMES.get(i)).isTrue();
        }
    }

    @Test
    void sentinelCodesBecomeAnIndicatorAndMissingCountsAndSums() {
        for (int code : new int[] {96, 98}) {
            CreditBureauReport sentinel = new CreditBureauReport(0, 1, 2, 1, false, false,
                    0.4, 41, code, 0.3, 6000.0, 9, code, 2, code, 3);
            assertThat(feature(sentinel, "PastDueSpecialCode")).isEqualTo(1f);
            for (String name : new String[] {"NumberOfTime30-59DaysPastDueNotWorse", "NumberOfTimes90DaysLate",
                    "NumberOfTime60-89DaysPastDueNotWorse", "PastDueTotal", "PastDueWeighted"}) {
                assertThat(feature(sentinel, name)).as(name).isNaN();
            }
            assertThat(feature(sentinel, "MonthlyIncome")).isEqualTo(6000f);
        }
        CreditBureauReport oneSentinel = new CreditBureauReport(0, 1, 2, 1, false, false,
                0.4, 41, 0, 0.3, 6000.0, 9, 0, 2, 98, 3);
        assertThat(feature(oneSentinel, "PastDueSpecialCode")).isEqualTo(1f);
        assertThat(feature(oneSentinel, "NumberOfTime30-59DaysPastDueNotWorse")).isNaN();
        CreditBureauReport manyButCounted = new CreditBureauReport(0, 1, 2, 1, false, false,
                0.4, 41, 95, 0.3, 6000.0, 9, 0, 2, 0, 3);
        assertThat(feature(manyButCounted, "PastDueSpecialCode")).isZero();
        assertThat(feature(manyButCounted, "PastDueTotal")).isEqualTo(95f);
    }
}
