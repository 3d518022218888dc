package com.loanflow.shared.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataMaskerTest {

    @Test
    void masksIdNumbersPhonesAndCardsWhereverTheyAppear() {
        String line = "borrower 110101199003070011 phone 13800000001 card 6222020000000007 id 44030619920815003X";
        assertThat(PersonalDataMasker.mask(line)).isEqualTo(
                "borrower 1101**********0011 phone 138****0001 card ****0007 id 4403**********003X");
    }

    @Test
    void masksInsideJsonAndSqlParameterLists() {
        assertThat(PersonalDataMasker.mask("{\"phone\":\"13912345678\"}")).isEqualTo("{\"phone\":\"139****5678\"}");
        assertThat(PersonalDataMasker.mask("Parameters: 6228480000000015(String)"))
                .isEqualTo("Parameters: ****0015(String)");
    }

    @Test
    void leavesIdsTimestampsAndAmountsAlone() {
        String line = "application 3d886a3e-e2d8-4235-94dc-0cf52755014a at 1764085797338 amount 1000.00 seq 12";
        assertThat(PersonalDataMasker.mask(line)).isEqualTo(line);
    }

    @Test
    void standaloneMaskingLeavesIdsThatContainDigitRunsIntact() {
        String message = "payout PO3F13800001234AB refused for 13912345678, card 6222020000009981, ID 110101199003078515";
        assertThat(PersonalDataMasker.maskStandalone(message)).isEqualTo(
                "payout PO3F13800001234AB refused for 139****5678, card ****9981, ID 1101**********8515");
        assertThat(PersonalDataMasker.mask("PO3F13800001234AB")).as("in free text, a run inside letters is masked")
                .isNotEqualTo("PO3F13800001234AB");
        assertThat(PersonalDataMasker.maskStandalone("1764150000000")).as("a date in epoch milliseconds")
                .isEqualTo("1764150000000");
    }

    @Test
    void masksTheOtherWaysPeopleWriteTheseNumbers() {
        assertThat(PersonalDataMasker.mask("已致电 138-1234-5678，卡 6222 0200 0000 0056"))
                .isEqualTo("已致电 138****5678，卡 ****0056");
        assertThat(PersonalDataMasker.mask("call +8613812345678 or 0086 139 1234 5678 or 86-13612345678"))
                .isEqualTo("call +86138****5678 or 0086 139****5678 or 86-136****5678");
        assertThat(PersonalDataMasker.mask("身份证 110101 19900307 0011, 卡号 6217-0000-0000-0006"))
                .isEqualTo("身份证 1101**********0011, 卡号 ****0006");
        assertThat(PersonalDataMasker.mask("手机１３８１２３４５６７８ 身份证１１０１０１１９９００３０７００１Ｘ"))
                .isEqualTo("手机138****5678 身份证1101**********001Ｘ");
        assertThat(PersonalDataMasker.maskStandalone("refused for +86 138 1234 5678; payout PO3F13800001234AB"))
                .isEqualTo("refused for +86 138****5678; payout PO3F13800001234AB");
    }

    @Test
    void leavesDatesTimesAndShortNumbersWithSeparatorsAlone() {
        String line = "due 2026-11-26 10:00:00, installments 1-6, amounts 1 000.00 and 12 345.67, seq 12-34";
        assertThat(PersonalDataMasker.mask(line)).isEqualTo(line);
        // a grouped reference that is no card (Luhn), and mixed groupings a uuid's digits can form
        assertThat(PersonalDataMasker.mask("bank reference BR-2026-1126-0001-2345")).endsWith("2026-1126-0001-2345");
        assertThat(PersonalDataMasker.mask("repayment a1381234-5678-4abc-9def-0123456789ab"))
                .isEqualTo("repayment a1381234-5678-4abc-9def-0123456789ab");
        assertThat(PersonalDataMasker.mask("id 110101-19900307 0011")).as("one separator throughout")
                .isEqualTo("id 110101-19900307 0011");
    }
}
