package com.loanflow.contract.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AmountInWordsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "0.50, 伍角",
            "0.05, 伍分",
            "0.00, 零元整",
            "10.00, 壹拾元整",
            "1000.00, 壹仟元整",
            "1234.56, 壹仟贰佰叁拾肆元伍角陆分",
            "2000.00, 贰仟元整",
            "10005.07, 壹万零伍元零柒分",
            "1680.30, 壹仟陆佰捌拾元叁角",
            "325.04, 叁佰贰拾伍元零肆分",
            "101000.00, 壹拾万壹仟元整",
            "100100.00, 壹拾万零壹佰元整",
            "100000001.00, 壹亿零壹元整",
            "1053.15, 壹仟零伍拾叁元壹角伍分",
            "50000, 伍万元整"})
    void writesAmountsInChineseCapitalNumerals(String amount, String words) {
        assertThat(AmountInWords.of(new BigDecimal(amount))).isEqualTo(words);
    }

    @Test
    void refusesFractionsOfAFenRatherThanRoundingThem() {
        assertThatThrownBy(() -> AmountInWords.of(new BigDecimal("1.005")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNegativeAmounts() {
        assertThatThrownBy(() -> AmountInWords.of(new BigDecimal("-1.00")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
