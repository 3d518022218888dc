package com.loanflow.risk.cli;

import com.loanflow.risk.CreditBureauReport;
import com.loanflow.risk.RiskDecision;
import com.loanflow.risk.RiskEngine;
import com.loanflow.risk.RiskInput;
import com.loanflow.risk.model.DefaultProbabilityModel;
import com.loanflow.risk.model.GmscData;
import com.loanflow.risk.model.GmscData.LabeledReport;
import com.loanflow.risk.model.ModelEvaluation;
import com.loanflow.risk.model.TaiwanData;
import com.loanflow.risk.model.TaiwanData.LabeledCardHolder;
import com.loanflow.risk.model.TaiwanDefaultModel;
import com.loanflow.risk.model.TrainDefaultModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar decisions-cli.jar evaluate --data FILE [--split all|train|validation] [--model gmsc|taiwan]}: scores
 * a labelled .csv or .csv.gz (GMSC format, or Taiwan card-holder format with {@code --model taiwan}) with the bundled
 * model and prints, as its last line, {@code AUC=0.xxxx KS=0.xxxx n=N}. {@code --split validation} re-carves the
 * trainer's seeded validation split, which is only the held-out data when FILE is the file the model was trained on.
 * {@code train [--model gmsc|taiwan] [--data FILE] [--out DIR]} retrains a model and rewrites its card.
 */
public final class DecisionsCli {

    static final String USAGE = "usage: check | evaluate --data FILE(.csv|.csv.gz) [--split all|train|validation] "
            + "[--model gmsc|taiwan] | train [--model gmsc|taiwan] [--data FILE] [--out DIR]";

    private DecisionsCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && args[0].equals("check")) {
            return check(out);
        }
        if (args.length == 0 || !(args[0].equals("evaluate") || args[0].equals("train"))) {
            err.println(USAGE);
            return 2;
        }
        boolean training = args[0].equals("train");
        Map<String, String> options;
        TrainDefaultModel.ModelSpec spec;
        ModelEvaluation.Split split;
        try {
            options = options(args, training ? Set.of("--model", "--data", "--out")
                    : Set.of("--model", "--data", "--split"));
            spec = TrainDefaultModel.spec(options.getOrDefault("--model", "gmsc"));
            split = ModelEvaluation.Split.parse(options.getOrDefault("--split", "all"));
            if (!training && !options.containsKey("--data")) {
                throw new IllegalArgumentException("--data is required");
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (training) {
            return train(spec, options, out, err);
        }
        Path data = Path.of(options.get("--data"));
        try {
            ModelEvaluation.Result result;
            String version;
            if (spec == TrainDefaultModel.TAIWAN) {
                List<LabeledCardHolder> rows = ModelEvaluation.select(TaiwanData.read(data), split,
                        LabeledCardHolder::defaulted);
                TaiwanDefaultModel bundled = TaiwanDefaultModel.loadDefault();
                version = bundled.version();
                result = ModelEvaluation.evaluate(bundled, rows);
            } else {
                List<LabeledReport> rows = ModelEvaluation.select(GmscData.read(data), split);
                DefaultProbabilityModel bundled = DefaultProbabilityModel.loadDefault();
                version = bundled.version();
                result = ModelEvaluation.evaluate(bundled, rows);
            }
            out.printf("model=%s data=%s sha256=%s split=%s%n", version, data.getFileName(), sha256(data),
                    split.name().toLowerCase(Locale.ROOT));
            out.printf(Locale.ROOT, "rows=%d defaults=%d (%.2f%%) gini=%.4f%n", result.n(), result.defaults(),
                    100.0 * result.defaults() / result.n(), result.gini());
            out.println(result.line());
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("evaluate failed: " + e.getMessage());
            return 1;
        }
    }

    /** {@code --name value} pairs; an unknown name or a name without a value is a usage error. */
    private static Map<String, String> options(String[] args, Set<String> allowed) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if (!allowed.contains(option)) {
                throw new IllegalArgumentException("unknown option " + option);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            options.put(option, args[++i]);
        }
        return options;
    }

    private static int train(TrainDefaultModel.ModelSpec spec, Map<String, String> options, PrintStream out,
                             PrintStream err) {
        Path data = Path.of(options.getOrDefault("--data", "../shared/data/" + spec.dataFile()));
        Path dir = Path.of(options.getOrDefault("--out", TrainDefaultModel.defaultOutputDir()));
        try {
            TrainDefaultModel.train(spec, data, dir, out);
            return 0;
        } catch (Exception e) {
            err.println("train failed: " + e.getMessage());
            return 1;
        }
    }

    /** Loads the whole engine (Drools rules, DMN tables, XGBoost native library) and decides one clean applicant. */
    static int check(PrintStream out) {
        CreditBureauReport clean = new CreditBureauReport(0, 1, 2, 1, false, false,
                0.15, 36, 0, 0.25, 12000.0, 6, 0, 1, 0, 1);
        RiskDecision d = RiskEngine.loadDefault().assess(new RiskInput("CHECK", 36, true, false, 1,
                new BigDecimal("1000.00"), 6, clean));
        out.printf("outcome=%s tier=%s pd=%s rules=%s tables=%s model=%s%n", d.outcome(), d.riskTier(),
                d.defaultProbability(), d.ruleSetVersion(), d.decisionTableVersion(), d.modelVersion());
        return 0;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
