package com.loanflow.agreement;

/** One published version of an agreement; the sha256 of its text is what a consent record points to. */
public record Agreement(AgreementType type, String version, String text, String sha256) {

    public String url() {
        return "/api/v1/agreements/" + type + "/" + version;
    }
}
