package com.loanflow.bench;

import com.loanflow.risk.CreditBureauReport;
import com.loanflow.risk.FraudIndicators;
import com.loanflow.risk.PlatformHistory;
import com.loanflow.risk.RiskInput;
import com.loanflow.risk.strategy.Arm;
import com.loanflow.risk.strategy.ArmDecision;
import com.loanflow.risk.strategy.ChampionChallenger;
import com.loanflow.risk.strategy.ModelSource;
import com.loanflow.risk.strategy.StrategyDecision;
import com.loanflow.risk.strategy.StrategyEngines;
import com.loanflow.risk.strategy.StrategySpec;
import com.loanflow.risk.model.GmscData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * One whole risk decision through the strategy path, {@link ChampionChallenger#decide}: the application's arm by
 * its id, then for the live arm and the shadow arm each Drools hard rules and fraud flags, the XGBoost PD with
 * predictContrib reason codes and their texts, the DMN route table and credit-terms pricing. That is what the
 * platform does per application (two strategies); {@code latencyOneArm} times one strategy alone. Inputs are a
 * fixed mix: the five sandbox identities of docs/architecture.md and rows of gmsc-dev.csv.gz (the shipped model's
 * data, so PDs spread over every band), some with fraud signals, a quarter of them repeat borrowers (platform record
 * rules, limit-increase pricing). Run by hand:
 * {@code java -jar bench/target/benchmarks.jar -f 1 -wi 3 -i 5 -w 2s -r 3s}. Latency (SampleTime: p50, p99) and
 * decisions per second (Throughput), each with one and with two threads.
 */
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class RiskDecisionBenchmark {

    static final int MIX_SIZE = 4096;

    @State(Scope.Benchmark)
    public static class Mix {
        ChampionChallenger strategies;
        RiskInput[] inputs;

        @Setup(Level.Trial)
        public void load() throws IOException {
            // the platform's defaults: champion risk-route-v5, challenger risk-route-v6 on 10% of applications
            strategies = new ChampionChallenger(StrategySpec.CHAMPION, StrategySpec.CHALLENGER, 10,
                    new StrategyEngines(ModelSource.CLASSPATH));
            inputs = inputs().toArray(RiskInput[]::new);
            for (RiskInput input : inputs) { // load classes and native code before timing
                strategies.decide(input);
            }
        }
    }

    /** Each thread walks the mix from its own offset, so two threads do not score the same applicant in step. */
    @State(Scope.Thread)
    public static class Cursor {
        private static final java.util.concurrent.atomic.AtomicInteger THREADS = new java.util.concurrent.atomic.AtomicInteger();
        int next = THREADS.getAndIncrement() * 1013;

        RiskInput take(RiskInput[] inputs) {
            RiskInput input = inputs[next % inputs.length];
            next++;
            return input;
        }
    }

    @Benchmark
    @Threads(1)
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public StrategyDecision latencyOneThread(Mix mix, Cursor cursor) {
        return mix.strategies.decide(cursor.take(mix.inputs));
    }

    @Benchmark
    @Threads(2)
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public StrategyDecision latencyTwoThreads(Mix mix, Cursor cursor) {
        return mix.strategies.decide(cursor.take(mix.inputs));
    }

    @Benchmark
    @Threads(1)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public StrategyDecision throughputOneThread(Mix mix, Cursor cursor) {
        return mix.strategies.decide(cursor.take(mix.inputs));
    }

    @Benchmark
    @Threads(2)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public StrategyDecision throughputTwoThreads(Mix mix, Cursor cursor) {
        return mix.strategies.decide(cursor.take(mix.inputs));
    }

    @Benchmark
    @Threads(1)
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ArmDecision latencyOneArm(Mix mix, Cursor cursor) {
        return mix.strategies.decide(Arm.CHAMPION, StrategySpec.CHAMPION, cursor.take(mix.inputs));
    }

    private static final int[] DAYS_LATE = {0, 0, 0, 0, 2, 10, 40};
    private static final BigDecimal[] LAST_LIMITS = {new BigDecimal("500.00"), new BigDecimal("1000.00"),
            new BigDecimal("2000.00"), new BigDecimal("3000.00")};

    /** Every 16th input a sandbox identity (approve, review, multi-lending, blacklist, court), the rest GMSC rows. */
    static List<RiskInput> inputs() throws IOException {
        List<RiskInput> sandbox = List.of(
                input("ZHANG", clean(0, 1, 2, false, 36), false),
                input("LI", new CreditBureauReport(1, 3, 5, 3, false, false, 0.85, 34, 1, 0.55, 5000.0, 9, 0, 0, 0, 2),
                        false),
                input("WANG", clean(4, 8, 12, false, 38), false),
                input("ZHAO", clean(0, 1, 2, false, 31), true),
                input("QIAN", clean(0, 1, 2, true, 47), false));
        List<CreditBureauReport> gmsc = gmscReports();
        Random random = new Random(20240607L);
        BigDecimal[] amounts = {new BigDecimal("500.00"), new BigDecimal("1000.00"), new BigDecimal("1500.00"),
                new BigDecimal("2000.00"), new BigDecimal("3000.00")};
        List<RiskInput> mix = new ArrayList<>(MIX_SIZE);
        for (int i = 0; i < MIX_SIZE; i++) {
            if (i % 16 == 0 || gmsc.isEmpty()) {
                mix.add(sandbox.get((i / 16) % sandbox.size()));
            } else {
                CreditBureauReport r = gmsc.get(random.nextInt(gmsc.size()));
                // one in ten with a fraud signal, so the flag rules and rows fire too
                FraudIndicators signals = random.nextInt(10) == 0
                        ? new FraudIndicators(1 + random.nextInt(4), 1 + random.nextInt(6), random.nextBoolean())
                        : FraudIndicators.NONE;
                // one in four a repeat borrower, so the platform-record rules and the limit steps are priced too
                PlatformHistory history = random.nextInt(4) == 0
                        ? new PlatformHistory(1 + random.nextInt(3), DAYS_LATE[random.nextInt(DAYS_LATE.length)],
                                random.nextInt(9), LAST_LIMITS[random.nextInt(LAST_LIMITS.length)])
                        : PlatformHistory.NONE;
                mix.add(new RiskInput("GMSC-" + i, r.age(), true, false, random.nextInt(3),
                        amounts[random.nextInt(amounts.length)], 6, r, signals, history));
            }
        }
        return mix;
    }

    private static List<CreditBureauReport> gmscReports() throws IOException {
        Path file = locate();
        if (file == null) {
            System.err.println("gmsc-dev.csv.gz not found (-Dloanflow.data.dir or shared/data above the working "
                    + "directory): benchmarking the sandbox identities only");
            return List.of();
        }
        return GmscData.read(file).stream().map(GmscData.LabeledReport::report).toList();
    }

    private static Path locate() {
        String configured = System.getProperty("loanflow.data.dir");
        if (configured != null) {
            Path file = Path.of(configured, "gmsc-dev.csv.gz");
            return Files.isRegularFile(file) ? file : null;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("shared/data/gmsc-dev.csv.gz");
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }

    private static CreditBureauReport clean(int apps7, int apps30, int apps90, boolean court, int age) {
        return new CreditBureauReport(apps7, apps30, apps90, 1, court, false, 0.15, age, 0, 0.25, 12000.0, 6, 0, 1, 0, 1);
    }

    private static RiskInput input(String id, CreditBureauReport report, boolean blacklistHit) {
        return new RiskInput("APP-" + id, report.age(), true, blacklistHit, 1, new BigDecimal("1000.00"), 6, report);
    }
}
