package com.loanflow.workers.identity.sandbox;

import com.loanflow.workers.identity.ChineseIdNumber;
import com.loanflow.workers.identity.IdTwoFactorCheck;
import org.springframework.stereotype.Component;

/**
 * Sandbox two-factor check. A sandbox identity's ID number matches only its own name; any other ID number matches
 * when its check digit is valid and the name is 2–4 CJK characters (the registry "knows" every valid citizen).
 */
@Component
public class SandboxPublicSecurityRegistry implements IdTwoFactorCheck {

    private final SandboxLatency latency;

    public SandboxPublicSecurityRegistry(SandboxLatency latency) {
        this.latency = latency;
    }

    @Override
    public boolean matches(String name, String idNumber) {
        latency.await();
        return SandboxIdentities.byIdNumber(idNumber)
                .map(known -> known.name().equals(name))
                .orElseGet(() -> ChineseIdNumber.isValid(idNumber) && isCjkName(name));
    }

    static boolean isCjkName(String name) {
        return name != null && name.matches("\\p{IsHan}{2,4}");
    }
}
