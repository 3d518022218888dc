package com.loanflow.device;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 34 provincial-level divisions under one short name each ("广东", "内蒙古"), so regions from ip2region
 * ("广东省"), the phone-segment table ("广东") and the ID number's GB/T 2260 code ("44") compare equal.
 */
final class Provinces {

    /** GB/T 2260 province codes: the first two digits of a resident identity number. */
    private static final Map<String, String> BY_ID_CODE = Map.ofEntries(
            Map.entry("11", "北京"), Map.entry("12", "天津"), Map.entry("13", "河北"), Map.entry("14", "山西"),
            Map.entry("15", "内蒙古"), Map.entry("21", "辽宁"), Map.entry("22", "吉林"), Map.entry("23", "黑龙江"),
            Map.entry("31", "上海"), Map.entry("32", "江苏"), Map.entry("33", "浙江"), Map.entry("34", "安徽"),
            Map.entry("35", "福建"), Map.entry("36", "江西"), Map.entry("37", "山东"), Map.entry("41", "河南"),
            Map.entry("42", "湖北"), Map.entry("43", "湖南"), Map.entry("44", "广东"), Map.entry("45", "广西"),
            Map.entry("46", "海南"), Map.entry("50", "重庆"), Map.entry("51", "四川"), Map.entry("52", "贵州"),
            Map.entry("53", "云南"), Map.entry("54", "西藏"), Map.entry("61", "陕西"), Map.entry("62", "甘肃"),
            Map.entry("63", "青海"), Map.entry("64", "宁夏"), Map.entry("65", "新疆"), Map.entry("71", "台湾"),
            Map.entry("81", "香港"), Map.entry("82", "澳门"));

    // longest first, so "内蒙古自治区" is not read as something shorter
    private static final List<String> SHORT_NAMES = BY_ID_CODE.values().stream()
            .sorted((a, b) -> b.length() - a.length()).toList();

    private Provinces() {
    }

    /** The province of an 18-digit ID number, from its first two digits. */
    static Optional<String> ofIdNumber(String idNumber) {
        if (idNumber == null || idNumber.length() < 2) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_ID_CODE.get(idNumber.substring(0, 2)));
    }

    /** "广东省", "广西壮族自治区", "北京市", "广东" → the short name; anything else (e.g. "0", "加利福尼亚") → empty. */
    static Optional<String> normalize(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String trimmed = name.trim();
        return SHORT_NAMES.stream().filter(trimmed::startsWith).findFirst();
    }
}
