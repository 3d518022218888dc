package com.loanflow.risk.tables;

import com.loanflow.risk.tables.CreditTermsTable.Terms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every row of credit-terms.dmn, at both ends of each term band. */
class CreditTermsTableTest {

    private static final CreditTermsTable TABLE = CreditTermsTable.loadDefault();

    @ParameterizedTest(name = "tier {0}, {1} months -> limit {2}, APR {3}%")
    @CsvSource({
            "A, 1, 2000.00, 18.00", "A, 6, 2000.00, 18.00", "A, 7, 2000.00, 19.50", "A, 12, 2000.00, 19.50",
            "B, 1, 1500.00, 20.00", "B, 6, 1500.00, 20.00", "B, 7, 1500.00, 21.50", "B, 12, 1500.00, 21.50",
            "C, 1, 1000.00, 22.00", "C, 6, 1000.00, 22.00", "C, 7, 1000.00, 23.00", "C, 12, 1000.00, 23.00",
            "D, 1, 500.00, 23.50", "D, 6, 500.00, 23.50", "D, 7, 500.00, 24.00", "D, 12, 500.00, 24.00"})
    void pricesEachTierAndTerm(String tier, int months, String limit, String apr) {
        Terms terms = TABLE.terms(tier, months);
        assertThat(terms).isEqualTo(new Terms(new BigDecimal(limit), new BigDecimal(apr)));
        assertThat(terms.creditLimit()).isBetween(new BigDecimal("500.00"), new BigDecimal("2000.00"));
        assertThat(terms.aprPercent()).isLessThanOrEqualTo(new BigDecimal("24.00"));
    }

    @Test
    void rejectedTierAndZeroTermHaveNoTerms() {
        assertThatThrownBy(() -> TABLE.terms("E", 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TABLE.terms("A", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versionComesFromTheTable() {
        assertThat(TABLE.version()).isEqualTo("credit-terms-1.0");
    }
}
