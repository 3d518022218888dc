package com.loanflow.workers.bureau;

import com.loanflow.workers.identity.ChineseIdNumber;
import com.loanflow.workers.identity.sandbox.SandboxLatency;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Sandbox bureau (see workers/SANDBOX.md): fixed reports for the six sandbox identities; for any other valid ID
 * number a real GMSC row chosen by SHA-256 of the ID number, so the same person always gets the same report. A repeated
 * query reference is answered from what the bureau already gave, unbilled. ID numbers whose sequence number is 999
 * find the bureau down for the first two attempts of each reference (RetryableFailure), as in an outage.
 */
@Component
public class SandboxCreditBureau implements CreditBureau {

    private static final CreditReport CLEAN =
            new CreditReport(0, 1, 2, 1, false, false, 0.15, 36, 0, 0.25, 12000.0, 6, 0, 1, 0, 1);

    /** The table in docs/architecture.md, "Sandbox identities". */
    static final Map<String, CreditReport> SANDBOX_REPORTS = Map.of(
            "110101199003070011", CLEAN,
            "440306199208150030", new CreditReport(1, 3, 5, 3, false, false, 0.85, 34, 1, 0.55, 5000.0, 9, 0, 0, 0, 2),
            "310115198801010049", new CreditReport(4, 8, 12, 1, false, false, 0.15, 38, 0, 0.25, 12000.0, 6, 0, 1, 0, 1),
            "510107199506200052", new CreditReport(0, 1, 2, 1, false, false, 0.15, 31, 0, 0.25, 12000.0, 6, 0, 1, 0, 1),
            "330106197909090063", new CreditReport(0, 1, 2, 1, true, false, 0.15, 47, 0, 0.25, 12000.0, 6, 0, 1, 0, 1),
            "110105199305120016", new CreditReport(0, 1, 2, 1, false, false, 0.15, 33, 0, 0.25, 12000.0, 6, 0, 1, 0, 1));

    private final SandboxLatency latency;
    private final Clock clock;
    private final List<GmscSample.Row> rows = GmscSample.load();
    private final AtomicLong queries = new AtomicLong();
    /** Answers by query reference: a bureau's idempotency window (this sandbox keeps the last 10,000). */
    private final Map<String, CreditReport> answered = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CreditReport> eldest) {
                    return size() > 10_000;
                }
            });
    private final Map<String, Integer> outageAttempts = new java.util.concurrent.ConcurrentHashMap<>();

    /** The sequence number (digits 15–17) of ID numbers that meet a bureau outage. */
    static final String OUTAGE_SEQUENCE = "999";
    static final int OUTAGE_ATTEMPTS = 2;

    @Autowired
    public SandboxCreditBureau(SandboxLatency latency) {
        this(latency, Clock.systemDefaultZone());
    }

    public SandboxCreditBureau(SandboxLatency latency, Clock clock) {
        this.latency = latency;
        this.clock = clock;
    }

    @Override
    public CreditReport report(String idNumber, String reference) {
        CreditReport earlier = answered.get(reference);
        if (earlier != null) {
            return earlier;   // the same query asked again: the same answer, not billed twice
        }
        latency.await();
        if (idNumber.length() == 18 && idNumber.substring(14, 17).equals(OUTAGE_SEQUENCE)
                && outageAttempts.merge(reference, 1, Integer::sum) <= OUTAGE_ATTEMPTS) {
            throw new com.loanflow.workers.platform.RetryableFailure("Credit bureau temporarily unavailable (503)");
        }
        queries.incrementAndGet(); // a real bureau bills every query it answers
        CreditReport report = lookUp(idNumber);
        answered.put(reference, report);
        return report;
    }

    private CreditReport lookUp(String idNumber) {
        CreditReport known = SANDBOX_REPORTS.get(idNumber);
        if (known != null) {
            return known;
        }
        if (!ChineseIdNumber.isValid(idNumber)) {
            throw new IllegalArgumentException("The bureau has no file for an invalid ID number");
        }
        byte[] hash = sha256(idNumber);
        GmscSample.Row row = rows.get(new BigInteger(1, hash).mod(BigInteger.valueOf(rows.size())).intValue());
        // Platform application counts are not in GMSC: small, cumulative, and fixed per person.
        int last7 = Byte.toUnsignedInt(hash[28]) % 2;
        int last30 = last7 + Byte.toUnsignedInt(hash[29]) % 3;
        int last90 = last30 + Byte.toUnsignedInt(hash[30]) % 3;
        int currentLoans = Math.min(row.openCreditLinesAndLoans(), Byte.toUnsignedInt(hash[31]) % 3);
        boolean thinFile = row.openCreditLinesAndLoans() == 0 && row.realEstateLoans() == 0;
        int age = Period.between(ChineseIdNumber.birthDate(idNumber).orElseThrow(), LocalDate.now(clock)).getYears();
        return new CreditReport(last7, last30, last90, currentLoans, false, thinFile,
                row.revolvingUtilization(), age, row.pastDue30To59Days(), row.debtRatio(), row.monthlyIncome(),
                row.openCreditLinesAndLoans(), row.pastDue90DaysOrMore(), row.realEstateLoans(),
                row.pastDue60To89Days(), row.dependents());
    }

    /** How many queries this bureau answered (its invoice): a cached report costs none. */
    public long queries() {
        return queries.get();
    }

    private static byte[] sha256(String idNumber) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(idNumber.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
