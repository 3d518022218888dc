package com.loanflow.risk;

import java.math.BigDecimal;

/** The six sandbox identities of docs/architecture.md, bureau reports built exactly from its table. */
final class SandboxIdentities {

    static final CreditBureauReport ZHANG_SAN = clean(0, 1, 2, false, 36);
    static final CreditBureauReport LI_SI = new CreditBureauReport(1, 3, 5, 3, false, false,
            0.85, 34, 1, 0.55, 5000.0, 9, 0, 0, 0, 2);
    static final CreditBureauReport WANG_WU = clean(4, 8, 12, false, 38);
    static final CreditBureauReport ZHAO_LIU = clean(0, 1, 2, false, 31);
    static final CreditBureauReport QIAN_QI = clean(0, 1, 2, true, 47);
    static final CreditBureauReport SUN_BA = clean(0, 1, 2, false, 33);

    private SandboxIdentities() {
    }

    /** 张三's clean report with the application counts, court flag and age that differ per identity. */
    private static CreditBureauReport clean(int apps7, int apps30, int apps90, boolean court, int age) {
        return new CreditBureauReport(apps7, apps30, apps90, 1, court, false,
                0.15, age, 0, 0.25, 12000.0, 6, 0, 1, 0, 1);
    }

    static RiskInput input(String applicationId, CreditBureauReport report, boolean blacklistHit) {
        return new RiskInput(applicationId, report.age(), true, blacklistHit, 1, new BigDecimal("1000.00"), 6, report);
    }
}
