package com.loanflow.risk.model;

import com.loanflow.risk.model.TaiwanData.CardHolder;
import com.loanflow.risk.model.TaiwanData.LabeledCardHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The Taiwan card-holder mapping: raw columns, delay summaries, ratios, and no sex or marital status. */
class TaiwanFeaturesTest {

    static final String HEADER = "ID,LIMIT_BAL,SEX,EDUCATION,MARRIAGE,AGE,PAY_0,PAY_2,PAY_3,PAY_4,PAY_5,PAY_6,"
            + "BILL_AMT1,BILL_AMT2,BILL_AMT3,BILL_AMT4,BILL_AMT5,BILL_AMT6,PAY_AMT1,PAY_AMT2,PAY_AMT3,PAY_AMT4,"
            + "PAY_AMT5,PAY_AMT6,default.payment.next.month";

    @TempDir
    Path dir;

    private static CardHolder holder() {
        return new CardHolder(100000, 2, 35, new int[] {2, 3, 0, -1, -2, 1},
                new double[] {50000, 40000, 30000, 20000, 10000, 0},
                new double[] {10000, 2000, 1000, 500, 0, 0});
    }

    private static float feature(CardHolder h, String name) {
        return TaiwanFeatures.of(h)[TaiwanFeatures.NAMES.indexOf(name)];
    }

    @Test
    void neverUsesSexOrMaritalStatus() {
        assertThat(TaiwanFeatures.NAMES).doesNotContain("SEX", "MARRIAGE", "ID", TaiwanData.LABEL)
                .doesNotHaveDuplicates();
        assertThat(TaiwanData.columns()).doesNotContain("SEX", "MARRIAGE");
        assertThat(TaiwanFeatures.of(holder())).hasSize(TaiwanFeatures.COUNT);
        assertThat(TaiwanFeatures.MONOTONE).hasSize(TaiwanFeatures.COUNT);
    }

    @Test
    void copiesTheRawColumns() {
        CardHolder h = holder();
        assertThat(feature(h, "LIMIT_BAL")).isEqualTo(100000f);
        assertThat(feature(h, "EDUCATION")).isEqualTo(2f);
        assertThat(feature(h, "AGE")).isEqualTo(35f);
        assertThat(feature(h, "PAY_0")).isEqualTo(2f);
        assertThat(feature(h, "PAY_2")).isEqualTo(3f);
        assertThat(feature(h, "PAY_5")).isEqualTo(-2f); // codes stay raw
        assertThat(feature(h, "PAY_6")).isEqualTo(1f);
        assertThat(feature(h, "BILL_AMT1")).isEqualTo(50000f);
        assertThat(feature(h, "BILL_AMT6")).isZero();
        assertThat(feature(h, "PAY_AMT1")).isEqualTo(10000f);
        assertThat(feature(h, "PAY_AMT4")).isEqualTo(500f);
    }

    @Test
    void summarisesOnlyRealDelaysAndConstrainsThem() {
        CardHolder h = holder();
        assertThat(feature(h, "MonthsLate")).isEqualTo(3f); // 2, 3 and 1; -2/-1/0 are not delays
        assertThat(feature(h, "WorstDelayMonths")).isEqualTo(3f);
        CardHolder neverLate = new CardHolder(100000, 2, 35, new int[] {-1, -2, 0, 0, -1, -2},
                new double[6], new double[6]);
        assertThat(feature(neverLate, "MonthsLate")).isZero();
        assertThat(feature(neverLate, "WorstDelayMonths")).isZero();
        assertThat(TaiwanFeatures.monotoneConstraints()).isEqualTo("(" + "0,".repeat(21) + "1,1,0,0)");
    }

    @Test
    void computesUtilisationAndPaidShareWithMissingForNoBill() {
        CardHolder h = holder();
        assertThat(feature(h, "BillToLimit")).isCloseTo(0.5f, within(1e-6f));
        assertThat(feature(h, "PaidShareOfPreviousBill")).isCloseTo(0.25f, within(1e-6f)); // 10000 / 40000
        CardHolder noBill = new CardHolder(100000, 2, 35, new int[6], new double[] {0, -200, 0, 0, 0, 0},
                new double[] {300, 0, 0, 0, 0, 0});
        assertThat(feature(noBill, "PaidShareOfPreviousBill")).isNaN();
        CardHolder noLimit = new CardHolder(0, 2, 35, new int[6], new double[6], new double[6]);
        assertThat(feature(noLimit, "BillToLimit")).isNaN();
    }

    @Test
    void aZeroPreviousBillHasNoPaidShareEvenWhenSomethingWasPaid() {
        // BILL_AMT2 = 0 exactly (the test above has -200): 300 paid against nothing is no share, not infinity
        CardHolder zeroBill = new CardHolder(100000, 2, 35, new int[6], new double[] {5000, 0, 0, 0, 0, 0},
                new double[] {300, 0, 0, 0, 0, 0});
        assertThat(feature(zeroBill, "PaidShareOfPreviousBill")).isNaN();
        assertThat(feature(zeroBill, "BillToLimit")).isCloseTo(0.05f, within(1e-6f)); // 5000 / 100000
        // just above zero the share is computed: 300 / 1
        CardHolder oneYuanBill = new CardHolder(100000, 2, 35, new int[6], new double[] {5000, 1, 0, 0, 0, 0},
                new double[] {300, 0, 0, 0, 0, 0});
        assertThat(feature(oneYuanBill, "PaidShareOfPreviousBill")).isEqualTo(300f);
    }

    @Test
    void aNegativeLimitHasNoBillToLimitLikeAZeroOne() {
        // of() documents "creditLimit() > 0" for the ratio: a negative LIMIT_BAL gives NaN, not a negative ratio
        CardHolder negativeLimit = new CardHolder(-1000, 2, 35, new int[6], new double[] {5000, 0, 0, 0, 0, 0},
                new double[6]);
        assertThat(feature(negativeLimit, "BillToLimit")).isNaN();
        assertThat(feature(negativeLimit, "LIMIT_BAL")).isEqualTo(-1000f); // the raw column still passes through
        CardHolder zeroLimit = new CardHolder(0, 2, 35, new int[6], new double[] {5000, 0, 0, 0, 0, 0},
                new double[6]);
        assertThat(feature(zeroLimit, "BillToLimit")).isNaN(); // a bill on no limit: still no ratio
    }

    @Test
    void readsAFileByHeaderNameIgnoringIdSexAndMarriage() throws IOException {
        Path csv = dir.resolve("taiwan.csv");
        Files.writeString(csv, HEADER + "\n"
                + "7,100000,2,2,1,35,2,3,0,-1,-2,1,50000,40000,30000,20000,10000,0,10000,2000,1000,500,0,0,1\n"
                + "8,100000,1,2,2,35,2,3,0,-1,-2,1,50000,40000,30000,20000,10000,0,10000,2000,1000,500,0,0,0\n");
        List<LabeledCardHolder> rows = TaiwanData.read(csv);
        assertThat(rows).extracting(LabeledCardHolder::defaulted).containsExactly(1, 0);
        // the two rows differ only in SEX and MARRIAGE: their features are identical
        assertThat(TaiwanFeatures.of(rows.get(0).holder())).containsExactly(TaiwanFeatures.of(rows.get(1).holder()));
        assertThat(TaiwanFeatures.of(rows.get(0).holder())).containsExactly(TaiwanFeatures.of(holder()));
    }

    @Test
    void refusesAFileWithoutTheLabel() throws IOException {
        Path csv = dir.resolve("nolabel.csv");
        Files.writeString(csv, "ID,LIMIT_BAL\n1,1000\n");
        assertThatThrownBy(() -> TaiwanData.read(csv)).isInstanceOf(IOException.class)
                .hasMessageContaining("default.payment.next.month");
    }
}
