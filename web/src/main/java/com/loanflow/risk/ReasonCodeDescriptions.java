package com.loanflow.risk;

import java.util.Map;
import org.springframework.stereotype.Component;

/** Plain-language explanations shown to borrowers and reviewers for every reason code. */
@Component
public class ReasonCodeDescriptions {

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("R_MULTI_LENDING", "近3个月借款申请超过10次 More than 10 loan applications in the last 3 months"),
            Map.entry("R_BLACKLIST", "命中平台黑名单 Listed on the platform's blacklist"),
            Map.entry("R_COURT_ENFORCEMENT", "存在法院强制执行或失信记录 Court enforcement or dishonest-debtor record"),
            Map.entry("R_AGE", "年龄不在18至60周岁之间 Age outside 18 to 60"),
            Map.entry("R_IDENTITY", "身份核验未通过 Identity could not be verified"),
            Map.entry("R_REVIEW_REJECTED", "人工审核未通过 Declined at manual review"),
            Map.entry("R_REVIEW_TIMEOUT", "人工审核超时 Manual review did not finish in time"),
            Map.entry("R_CONTRACT_NOT_SIGNED", "合同未在有效期内签署 Contract was not signed in time"),
            Map.entry("R_PD_HIGH", "预估违约概率过高 Estimated default probability too high"),
            Map.entry("R_PD_BORDERLINE", "预估违约概率处于临界区间，需人工审核 Borderline default probability: manual review"),
            Map.entry("R_POOR_CREDIT", "征信存在严重逾期或信用记录不足 Serious delinquency or thin credit file"));

    public String describe(String code) {
        return DESCRIPTIONS.getOrDefault(code, code);
    }
}
