package com.loanflow.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Mobile number → province from its seven-digit segment, from the shipped offline table. */
class PhoneRegionsTest {

    private static final PhoneRegions REGIONS = new PhoneRegions();

    @Test
    void aNumberMapsToTheProvinceItsSegmentWasAllottedTo() {
        assertThat(REGIONS.province("13800000001")).contains("北京");
        assertThat(REGIONS.province("13510001234")).contains("广东");
        assertThat(REGIONS.province("13912345678")).contains("江苏");
        assertThat(REGIONS.province("13700000000")).contains("辽宁");
    }

    @Test
    void segmentsTheTableDoesNotKnowAndMalformedNumbersAreUnknownNotGuessed() {
        assertThat(REGIONS.province("19912345678")).isEmpty(); // allotted after the table was made
        assertThat(REGIONS.province("1380000000")).isEmpty();
        assertThat(REGIONS.province("23800000001")).isEmpty();
        assertThat(REGIONS.province(null)).isEmpty();
    }
}
