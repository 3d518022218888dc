package com.loanflow.workers.identity.sandbox;

import com.loanflow.workers.identity.CarrierThreeFactorCheck;
import com.loanflow.workers.platform.RetryableFailure;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Sandbox carrier three-factor check (see workers/SANDBOX.md). Sandbox identities match only with their own phone,
 * and their phones only with them; other identities match a valid mainland mobile number unless it is one of the
 * "reassigned" numbers 13900000000–13900000009. Phone 13800000099 times out on its first call (per process).
 */
@Component
public class SandboxCarrierRegistry implements CarrierThreeFactorCheck {

    public static final String TIMES_OUT_ONCE = "13800000099";

    private final SandboxLatency latency;
    private final SandboxPublicSecurityRegistry registry;
    private final Set<String> timedOut = ConcurrentHashMap.newKeySet();

    public SandboxCarrierRegistry(SandboxLatency latency, SandboxPublicSecurityRegistry registry) {
        this.latency = latency;
        this.registry = registry;
    }

    @Override
    public boolean matches(String name, String idNumber, String phone) {
        latency.await();
        if (TIMES_OUT_ONCE.equals(phone) && timedOut.add(phone)) {
            throw new RetryableFailure("Carrier provider timeout");
        }
        var known = SandboxIdentities.byIdNumber(idNumber);
        if (known.isPresent()) {
            return known.get().name().equals(name) && known.get().phone().equals(phone);
        }
        boolean phoneOfSandboxIdentity = SandboxIdentities.ALL.stream().anyMatch(i -> i.phone().equals(phone));
        return !phoneOfSandboxIdentity && isMainlandMobile(phone) && !isReassigned(phone)
                && registry.matches(name, idNumber);
    }

    static boolean isMainlandMobile(String phone) {
        return phone != null && phone.matches("1[3-9]\\d{9}");
    }

    static boolean isReassigned(String phone) {
        return phone.matches("1390000000\\d");
    }
}
