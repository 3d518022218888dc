package com.loanflow.risk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Borrowers and reviewers see Chinese and English text for the renamed rule codes and the fraud flags. */
class ReasonCodeDescriptionsTest {

    private final ReasonCodeDescriptions descriptions = new ReasonCodeDescriptions();

    @Test
    void describesTheIssueFiveCodesInChineseAndEnglish() {
        for (String code : new String[] {"R_AGE", "R_IDENTITY", "R_BLACKLIST", "R_MULTI_LENDING", "R_POOR_CREDIT",
                "F_SHARED_DEVICE", "F_IP_BURST", "F_IP_REGION_MISMATCH", "F_ID_CARD_UNCONFIRMED", "R_BORDERLINE_SCORE", "F_AGE"}) {
            assertThat(descriptions.describe(code)).as(code).matches(".*\\p{IsHan}.* / [A-Z].*");
        }
        assertThat(descriptions.describe("R_BLACKLIST")).contains("设备").contains("device");
    }

    @Test
    void showsAnUnknownCodeAsItself() {
        assertThat(descriptions.describe("R_NOT_A_CODE")).isEqualTo("R_NOT_A_CODE");
    }
}
