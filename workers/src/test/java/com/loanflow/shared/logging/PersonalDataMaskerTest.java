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
        // dots, a mobile number as 3 + 8, an ID number in fours (its check digit right)
        assertThat(PersonalDataMasker.mask("tel 138.1234.5678 / 138 12345678 / +86 139 12345678"))
                .isEqualTo("tel 138****5678 / 138****5678 / +86 139****5678");
        assertThat(PersonalDataMasker.mask("身份证 1101 0119 9003 0700 11，卡 6222.0200.0000.0056"))
                .isEqualTo("身份证 1101**********0011，卡 ****0056");
        assertThat(PersonalDataMasker.maskStandalone("ID 110101.19900307.0011 refused"))
                .isEqualTo("ID 1101**********0011 refused");
    }

    @Test
    void numbersInFoursThatAreNoIdNumberStayReadable() {
        // 18 characters in fours with a wrong check digit: a reference, not an ID number
        assertThat(PersonalDataMasker.mask("ref 2026 1126 0001 2345 67")).isEqualTo("ref 2026 1126 0001 2345 67");
        assertThat(PersonalDataMasker.idCheckDigitHolds("110101199003070011")).isTrue();
        assertThat(PersonalDataMasker.idCheckDigitHolds("11010119900307001X")).isFalse();
        assertThat(PersonalDataMasker.idCheckDigitHolds("11010519491231002X")).isTrue();
        assertThat(PersonalDataMasker.mask("version 1.2.3, ip 10.138.12.45, date 2026.11.27, amount 1.000.00"))
                .isEqualTo("version 1.2.3, ip 10.138.12.45, date 2026.11.27, amount 1.000.00");
        // 3 + 8 only with a space and not inside an id: a uuid's groups, a decimal, an id with a space
        for (String id : new String[] {"3f2a9c1e-7b4d-4e8a-a138-12345678abcd", "rate 159.12345678",
                "ref AB138 12345678", "code 138 12345678X"}) {
            assertThat(PersonalDataMasker.mask(id)).isEqualTo(id);
        }
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
