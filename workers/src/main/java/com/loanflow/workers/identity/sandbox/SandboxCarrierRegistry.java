package com.loanflow.workers.identity.sandbox;

import com.loanflow.workers.identity.CarrierThreeFactorCheck;
import com.loanflow.workers.platform.RetryableFailure;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Sandbox carrier three-factor check (see workers/SANDBOX.md). Sandbox identities match only with their own phone,
 * and their phones only with them; other identities match a valid mainland mobile number unless it is one of the
 * "reassigned" numbers 13900000000–13900000009. Phone 13800000099 times out on its first call (per process),
 * 13800000098 on every call, and 13800000097 is answered late.
 */
@Component
public class SandboxCarrierRegistry implements CarrierThreeFactorCheck {

    public static final String TIMES_OUT_ONCE = "13800000099";
    /** The provider is down for this number: every call times out, retries run out, ops get an incident. */
    public static final String ALWAYS_TIMES_OUT = "13800000098";
    /** Answered after {@link #LATE_ANSWER} (longer than any sandbox latency, well inside the task's lock). */
    public static final String ANSWERS_LATE = "13800000097";
    static final Duration LATE_ANSWER = Duration.ofSeconds(3);

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
        if (TIMES_OUT_ONCE.equals(phone) && timedOut.add(phone) || ALWAYS_TIMES_OUT.equals(phone)) {
            throw new RetryableFailure("Carrier provider timeout (sandbox test phone " + phone.substring(0, 3)
                    + "****" + phone.substring(7) + ")");
        }
        if (ANSWERS_LATE.equals(phone)) {
            sleep(LATE_ANSWER);
        }
        var known = SandboxIdentities.byIdNumber(idNumber);
        if (known.isPresent()) {
            return known.get().name().equals(name) && known.get().phone().equals(phone);
        }
        boolean phoneOfSandboxIdentity = SandboxIdentities.ALL.stream().anyMatch(i -> i.phone().equals(phone));
        return !phoneOfSandboxIdentity && isMainlandMobile(phone) && !isReassigned(phone)
                && registry.matches(name, idNumber);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableFailure("Interrupted while waiting for the carrier");
        }
    }

    static boolean isMainlandMobile(String phone) {
        return phone != null && phone.matches("1[3-9]\\d{9}");
    }

    static boolean isReassigned(String phone) {
        return phone.matches("1390000000\\d");
    }
}
