package com.loanflow.risk;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plain-language text (Chinese / English) for the codes of the strategy-versioned rules and tables: renamed rule
 * codes (R_AGE, R_IDENTITY), the poor-credit route, review flags (F_ from hard-rules*.drl), the platform-record rule (R_PLATFORM_DELINQUENCY) and limit-increase
 * codes (L_ from limit-increase.dmn). Looked up before {@link ReasonCodeCatalog}, so these texts win.
 */
public final class RuleReasonCodes {

    private static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry("R_AGE", "年龄不在18至60岁之间 / Applicant is not between 18 and 60 years old"),
            Map.entry("R_IDENTITY", "身份信息核验不一致 / Identity details do not match"),
            Map.entry("R_BLACKLIST", "身份证号、手机号、银行卡或设备在平台黑名单中 / The ID number, phone, bank card or device is on the platform's blacklist"),
            Map.entry("R_MULTI_LENDING", "近3个月贷款申请（含本平台）超过10次 / More than 10 loan applications in the last 3 months, this platform included"),
            Map.entry("R_POOR_CREDIT", "有90天以上逾期记录或征信记录过少，需资深审核 / Payments 90+ days late or too little credit history, senior review needed"),
            Map.entry("F_SHARED_DEVICE", "同一设备30天内被3名或以上借款人使用，需人工审核 / Device used by 3 or more borrowers in 30 days, manual review needed"),
            Map.entry("F_IP_BURST", "同一IP一小时内提交5笔或以上申请，需人工审核 / Five or more applications from one IP address within an hour, manual review needed"),
            Map.entry("F_IP_REGION_MISMATCH", "IP所在地与身份证及手机号归属地均不符，需人工审核 / IP location is far from both the ID card's and the phone number's region, manual review needed"),
            Map.entry("R_PLATFORM_DELINQUENCY", "此前在本平台的借款有逾期30天以上的还款 / An earlier loan on this platform was repaid 30 or more days late"),
            Map.entry("F_PLATFORM_LATE_REPAYMENT", "此前在本平台的借款有逾期还款，需人工审核 / An earlier loan on this platform was repaid late, manual review needed"),
            Map.entry("F_ID_CARD_UNCONFIRMED", "身份证照片未能自动识别确认，需人工核对证件照片 / The ID card photo could not be confirmed automatically, a person checks it"),
            Map.entry("L_ON_TIME_REPAYMENTS", "按时还款，额度提升 / On-time repayments: credit limit raised"),
            Map.entry("L_LATE_REPAYMENT", "有逾期3天以上的还款，暂不提额 / A repayment more than 3 days late: no limit increase yet"),
            Map.entry("L_NO_SETTLED_LOAN", "尚无结清的借款，暂不提额 / No loan repaid in full yet: no limit increase"),
            Map.entry("L_TOO_FEW_REPAYMENTS", "按时还款期数不足3期，暂不提额 / Fewer than 3 installments paid on time: no limit increase yet"),
            Map.entry("L_TIER_NOT_ELIGIBLE", "当前风险等级不可提额 / The current risk tier cannot get a limit increase"),
            Map.entry("L_TIER_CEILING", "已达当前风险等级的最高额度 / At the highest limit for the current risk tier"));

    private RuleReasonCodes() {
    }

    public static Optional<AdverseFactor> find(String code) {
        String text = TEXT.get(code);
        return text == null ? Optional.empty() : Optional.of(new AdverseFactor(code, text));
    }

    /** This class's text, else {@link ReasonCodeCatalog}'s; unknown codes throw, as there. */
    public static AdverseFactor describe(String code) {
        return find(code).orElseGet(() -> ReasonCodeCatalog.describe(code));
    }

    public static Set<String> codes() {
        return TEXT.keySet();
    }
}
