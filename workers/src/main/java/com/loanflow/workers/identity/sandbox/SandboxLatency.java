package com.loanflow.workers.identity.sandbox;

import com.loanflow.workers.WorkersProperties;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** A real provider takes tens of milliseconds; the sandbox waits as long, so timing bugs show up locally. */
@Component
public class SandboxLatency {

    private final long minMillis;
    private final long maxMillis;

    @Autowired
    public SandboxLatency(WorkersProperties properties) {
        this(properties.workers().sandboxMinLatency(), properties.workers().sandboxMaxLatency());
    }

    public SandboxLatency(Duration min, Duration max) {
        this.minMillis = min.toMillis();
        this.maxMillis = Math.max(minMillis, max.toMillis());
    }

    public static SandboxLatency none() {
        return new SandboxLatency(Duration.ZERO, Duration.ZERO);
    }

    public void await() {
        long millis = minMillis + (maxMillis > minMillis ? ThreadLocalRandom.current().nextLong(maxMillis - minMillis + 1) : 0);
        if (millis == 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
