package com.loanflow.agreement;

public enum AgreementType {
    PRIVACY_POLICY("隐私政策 Privacy Policy"),
    CREDIT_AUTHORIZATION("征信查询授权书 Credit Report Authorization"),
    SERVICE_AGREEMENT("平台服务协议 Platform Service Agreement");

    private final String title;

    AgreementType(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
