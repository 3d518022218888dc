package com.loanflow.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shipped ip2region database places well-known addresses in their provinces, offline. */
class IpRegionsTest {

    private static final IpRegions REGIONS = new IpRegions();

    @Test
    void wellKnownChineseAddressesMapToTheirProvinceAndCity() {
        assertThat(REGIONS.lookup("202.96.134.133")).get().extracting(IpRegion::label).isEqualTo("广东省|深圳市");
        assertThat(REGIONS.lookup("202.101.172.35")).get().extracting(IpRegion::label).isEqualTo("浙江省|杭州市");
        assertThat(REGIONS.lookup("114.114.114.114")).get().extracting(IpRegion::label).isEqualTo("江苏省|南京市");
        assertThat(REGIONS.lookup("61.135.169.121").flatMap(IpRegion::provinceShortName)).contains("北京");
    }

    @Test
    void anAddressAbroadHasACountryButNoChineseProvince() {
        IpRegion abroad = REGIONS.lookup("8.8.8.8").orElseThrow();
        assertThat(abroad.country()).isEqualTo("美国");
        assertThat(abroad.provinceShortName()).isEmpty();
    }

    @Test
    void privateLoopbackIpv6AndMalformedAddressesAreUnknown() {
        assertThat(REGIONS.lookup("127.0.0.1")).isEmpty();
        assertThat(REGIONS.lookup("192.168.1.20")).isEmpty();
        assertThat(REGIONS.lookup("10.1.2.3")).isEmpty();
        assertThat(REGIONS.lookup("100.64.0.1")).isEmpty();
        assertThat(REGIONS.lookup("::1")).isEmpty();
        assertThat(REGIONS.lookup("2400:3200::1")).isEmpty();
        assertThat(REGIONS.lookup("300.1.1.1")).isEmpty();
        assertThat(REGIONS.lookup("not-an-ip")).isEmpty();
        assertThat(REGIONS.lookup(null)).isEmpty();
    }
}
