package com.loanflow.workers.identity.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.util.List;
import org.junit.jupiter.api.Test;

class OcrIdNumberTest {

    @Test
    void readsLookAlikeLettersAsDigits() {
        assertThat(OcrIdNumber.read("公民身份号码 1l0lO1 1990O3O7OOll")).contains("110101199003070011");
        assertThat(OcrIdNumber.read("44O3O6 I992O8I5OO3O")).contains("440306199208150030");
    }

    @Test
    void refusesANumberWhoseCheckCharacterDoesNotHold() {
        assertThat(OcrIdNumber.read("110101199003070012")).isEmpty();
        assertThat(OcrIdNumber.read("11010119900307001")).isEmpty();
        assertThat(OcrIdNumber.read("")).isEmpty();
    }

    @Test
    void keepsAnXOnlyAsTheCheckCharacter() {
        // 11010519491231002X is a valid number ending in X; a stray x in the middle is dropped
        assertThat(OcrIdNumber.read("110105x19491231002x")).contains("11010519491231002X");
    }

    @Test
    void findsTheFieldsByTheirLabelsEvenWhenALabelIsMisread() {
        List<OcrLine> lines = List.of(line("外名”梁红静"), line("性别，男民族汉"), line("出生1974年12月12日"),
                line("住址浙江省杭州市西湖区人民街"), line("20号"), line("公民身份呈码”330106197412120773"),
                line("有效期限2022.06.22-2032.06.22"));
        IdCardText.Reading reading = IdCardText.read(lines);
        assertThat(reading.name()).isEqualTo("梁红静");
        assertThat(reading.address()).isEqualTo("浙江省杭州市西湖区人民街20号");
        assertThat(IdCardText.idNumber(reading)).contains("330106197412120773");
        assertThat(reading.validUntil()).isEqualTo("2032-06-22");
    }

    @Test
    void aCardWithoutEndDateIsValidLongTerm() {
        assertThat(IdCardText.read(List.of(line("有效期限2014.12.16-长期"))).validUntil()).isEqualTo("长期");
    }

    private static OcrLine line(String text) {
        return new OcrLine(text, new Rectangle(0, 0, 10, 10), null);
    }
}
