package com.loanflow.risk;

import java.util.Map;
import java.util.Set;

/**
 * Plain-language text (Chinese / English) for every reason code a decision can carry: hard-rule codes (R_ from
 * hard-rules.drl), routing codes (R_ from risk-route-v*.dmn), process codes, and model adverse factors (F_).
 */
public final class ReasonCodeCatalog {

    private static final Map<String, String> TEXT = Map.ofEntries(
            // hard rules
            Map.entry("R_MULTI_LENDING", "近3个月贷款申请超过10次 / More than 10 loan applications in the last 3 months"),
            Map.entry("R_BLACKLIST", "身份证号、手机号、银行卡或设备在平台黑名单中 / The ID number, phone, bank card or device is on the platform's blacklist"),
            Map.entry("R_COURT_ENFORCEMENT", "存在法院强制执行记录 / Subject to a court enforcement order"),
            Map.entry("R_AGE", "年龄不在18至60岁之间 / Applicant is not between 18 and 60 years old"),
            Map.entry("R_SEVERE_DELINQUENCY", "征信报告显示逾期90天以上达3次或更多，或含特殊逾期代码 / The credit report shows three or more payments 90+ days late, or a special past-due code"),
            Map.entry("R_PLATFORM_VELOCITY", "近3个月在本平台申请超过3次 / More than 3 applications on this platform in 3 months"),
            // routing
            Map.entry("R_HIGH_DEFAULT_PROBABILITY", "预测违约概率过高 / Predicted probability of default is too high"),
            Map.entry("R_ELEVATED_SCORE", "预测违约概率偏高，需资深审核 / Elevated default probability, senior review needed"),
            Map.entry("R_BORDERLINE_SCORE", "预测违约概率处于临界区间，需人工审核 / Borderline default probability, manual review needed"),
            Map.entry("R_BORDERLINE_LARGE_AMOUNT", "临界评分且申请金额较大，需资深审核 / Borderline score with a large amount, senior review needed"),
            Map.entry("R_THIN_FILE", "征信记录过少，需资深审核 / Too little credit history, senior review needed"),
            // process
            Map.entry("R_IDENTITY", "身份信息不一致 / Identity details do not match"),
            Map.entry("R_REVIEW_REJECTED", "人工审核未通过 / Rejected in manual review"),
            // the reason a reviewer gives for a rejection (Task_ReviewApplication's reviewRejectionReason)
            Map.entry("R_REVIEW_AFFORDABILITY", "审核认为您的收入难以负担本笔借款的还款 / The reviewer found your income does not cover this loan's repayments"),
            Map.entry("R_REVIEW_CREDIT_HISTORY", "审核认为您的信用记录显示的逾期风险过高 / The reviewer found your credit history shows too high a risk of late repayment"),
            Map.entry("R_REVIEW_DOCUMENTS_UNVERIFIED", "审核未能核实您的身份证件或申请资料 / The reviewer could not verify your identity document or application details"),
            Map.entry("R_REVIEW_INCONSISTENT_DETAILS", "审核发现申请资料前后不一致 / The reviewer found the details in your application inconsistent"),
            Map.entry("R_REVIEW_TIMEOUT", "审核超时 / Review was not completed in time"),
            Map.entry("R_CONTRACT_NOT_SIGNED", "合同未在期限内签署 / Contract was not signed in time"),
            Map.entry("R_WITHDRAWN_BY_BORROWER", "您已撤回申请 / You withdrew the application"),
            // model adverse factors
            Map.entry("F_REVOLVING_UTILIZATION", "信用卡及信用额度使用率高 / High use of revolving credit limits"),
            Map.entry("F_AGE", "年龄段的历史违约率较高 / Age group with higher historical default rates"),
            Map.entry("F_PAST_DUE_30_59", "曾逾期30至59天 / Payments 30-59 days late"),
            Map.entry("F_PAST_DUE_60_89", "曾逾期60至89天 / Payments 60-89 days late"),
            Map.entry("F_PAST_DUE_90_PLUS", "曾逾期90天以上 / Payments 90 or more days late"),
            Map.entry("F_PAST_DUE_SPECIAL_CODE", "征信逾期记录为特殊代码 / Bureau reports a special code for late payments"),
            Map.entry("F_DEBT_RATIO", "负债收入比高 / High debt payments relative to income"),
            Map.entry("F_MONTHLY_INCOME", "月收入较低或未提供 / Low or unreported monthly income"),
            Map.entry("F_OPEN_CREDIT_LINES", "未结清的信贷账户数量 / Number of open credit lines and loans"),
            Map.entry("F_REAL_ESTATE_LOANS", "房产贷款数量 / Number of real-estate loans"),
            Map.entry("F_DEPENDENTS", "供养人数 / Number of dependents"),
            Map.entry("F_PAST_DUE_TOTAL", "逾期总次数较多 / Many late payments in total"),
            Map.entry("F_PAST_DUE_SEVERITY", "逾期程度严重（逾期时间越长权重越高） / Late payments weighted by how late they were"),
            Map.entry("F_MONTHLY_INCOME_MISSING", "未提供月收入 / Monthly income not reported"),
            Map.entry("F_MONTHLY_DEBT_PAYMENT", "每月债务还款额高 / High monthly debt payments"),
            Map.entry("F_INCOME_PER_HOUSEHOLD_MEMBER", "家庭人均月收入较低 / Low monthly income per household member"),
            Map.entry("F_OTHER_CREDIT_LINES", "非房贷信贷账户数量 / Number of credit lines other than real-estate loans"));

    private ReasonCodeCatalog() {
    }

    /** @throws IllegalArgumentException for a code nobody wrote text for, so a new code cannot ship unexplained. */
    public static AdverseFactor describe(String code) {
        String text = TEXT.get(code);
        if (text == null) {
            throw new IllegalArgumentException("no description for reason code " + code);
        }
        return new AdverseFactor(code, text);
    }

    public static Set<String> codes() {
        return TEXT.keySet();
    }
}
