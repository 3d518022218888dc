package com.loanflow.workers.identity.sandbox;

import com.loanflow.workers.identity.ChineseIdNumber;
import com.loanflow.workers.identity.IdTwoFactorCheck;
import org.springframework.stereotype.Component;

/**
 * Sandbox two-factor check. A sandbox identity's ID number matches only its own name; any other ID number matches
 * when its check digit is valid and the name is 2–4 CJK characters (the registry "knows" every valid citizen).
 * Outages, by the ID number's sequence number (digits 15–17): 997 finds the registry unavailable on its first call in
 * a worker process, 998 on every call (RetryableFailure: retried, then an incident).
 */
@Component
public class SandboxPublicSecurityRegistry implements IdTwoFactorCheck {

    static final String UNAVAILABLE_ONCE = "997";
    static final String ALWAYS_UNAVAILABLE = "998";

    private final SandboxLatency latency;
    private final java.util.Set<String> failedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public SandboxPublicSecurityRegistry(SandboxLatency latency) {
        this.latency = latency;
    }

    @Override
    public boolean matches(String name, String idNumber) {
        latency.await();
        String sequence = idNumber != null && idNumber.length() == 18 ? idNumber.substring(14, 17) : "";
        if (sequence.equals(ALWAYS_UNAVAILABLE) || sequence.equals(UNAVAILABLE_ONCE) && failedOnce.add(idNumber)) {
            throw new com.loanflow.workers.platform.RetryableFailure(
                    "Public security registry unavailable (sandbox sequence number " + sequence + ")");
        }
        return SandboxIdentities.byIdNumber(idNumber)
                .map(known -> known.name().equals(name))
                .orElseGet(() -> ChineseIdNumber.isValid(idNumber) && isCjkName(name));
    }

    static boolean isCjkName(String name) {
        return name != null && name.matches("\\p{IsHan}{2,4}");
    }
}
