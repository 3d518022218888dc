package com.loanflow.risk.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Money read from a table's double outputs is exact to the fen, or refused: never rounded into place. */
class DecisionMoneyTest {

    @Test
    void shortDecimalsConvertExactly() {
        assertThat(DecisionTableLoader.money(2000.0, "creditLimit")).isEqualTo(new BigDecimal("2000.00"));
        assertThat(DecisionTableLoader.money(18.5, "aprPercent")).isEqualTo(new BigDecimal("18.50"));
        assertThat(DecisionTableLoader.money(1999.99, "creditLimit"))
                .isEqualTo(new BigDecimal("1999.99"));
        assertThat(DecisionTableLoader.money(500, "creditLimit")).isEqualTo(new BigDecimal("500.00"));
    }

    @Test
    void anythingThatIsNotWholeFenIsRefused() {
        assertThatThrownBy(() -> DecisionTableLoader.money(18.125, "aprPercent"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("aprPercent = 18.125");
        assertThatThrownBy(() -> DecisionTableLoader.money(0.1 + 0.2, "increase"))
                .as("a computed double is not a table's short decimal").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DecisionTableLoader.money("2000", "maxLimit")).isInstanceOf(IllegalStateException.class);
    }
}
