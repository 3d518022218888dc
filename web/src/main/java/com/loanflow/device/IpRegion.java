package com.loanflow.device;

/** Where an IP address is, as far as ip2region knows: a mainland/HK/Macao/Taiwan province and city, or abroad. */
record IpRegion(String country, String province, String city) {

    /** "广东省|深圳市" for a Chinese address, the country alone abroad. */
    String label() {
        if (province == null) {
            return country;
        }
        return city == null ? province : province + "|" + city;
    }

    /** The short province name ("广东") when the address is in China, for comparison with the identity's. */
    java.util.Optional<String> provinceShortName() {
        return "中国".equals(country) ? Provinces.normalize(province) : java.util.Optional.empty();
    }
}
