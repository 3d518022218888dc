package com.loanflow.agreement;

public enum AgreementType {
    PRIVACY_POLICY("隐私政策 Privacy Policy"),
    CREDIT_AUTHORIZATION("征信查询授权书 Credit Report Authorization"),
    SERVICE_AGREEMENT("平台服务协议 Platform Service Agreement"),
    /** Face data is sensitive personal information: its own, separate consent (PIPL arts. 28-29), ADR 0021. */
    FACE_RECOGNITION("人脸识别授权书 Face Recognition Authorization");

    private final String title;

    AgreementType(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
