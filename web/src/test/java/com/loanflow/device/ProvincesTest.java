package com.loanflow.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProvincesTest {

    @Test
    void theIdNumbersFirstTwoDigitsAreItsProvince() {
        assertThat(Provinces.ofIdNumber("110101199003070011")).contains("北京");
        assertThat(Provinces.ofIdNumber("440306199208150030")).contains("广东");
        assertThat(Provinces.ofIdNumber("150102199001010011")).contains("内蒙古");
        assertThat(Provinces.ofIdNumber("990101199001010011")).isEmpty();
        assertThat(Provinces.ofIdNumber(null)).isEmpty();
    }

    @Test
    void longAndShortProvinceNamesCompareEqual() {
        assertThat(Provinces.normalize("广东省")).contains("广东");
        assertThat(Provinces.normalize("广西壮族自治区")).contains("广西");
        assertThat(Provinces.normalize("内蒙古自治区")).contains("内蒙古");
        assertThat(Provinces.normalize("黑龙江省")).contains("黑龙江");
        assertThat(Provinces.normalize("北京市")).contains("北京");
        assertThat(Provinces.normalize("0")).isEmpty();
        assertThat(Provinces.normalize("加利福尼亚")).isEmpty();
    }
}
