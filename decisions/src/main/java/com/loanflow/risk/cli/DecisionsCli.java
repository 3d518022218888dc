package com.loanflow.risk.cli;

import com.loanflow.risk.CreditBureauReport;
import com.loanflow.risk.RiskDecision;
import com.loanflow.risk.RiskEngine;
import com.loanflow.risk.RiskInput;
import com.loanflow.risk.model.DefaultProbabilityModel;
import com.loanflow.risk.model.GmscData;
import com.loanflow.risk.model.GmscData.LabeledReport;
import com.loanflow.risk.model.ModelEvaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code java -jar decisions-cli.jar evaluate --data FILE [--split all|train|validation] [--model gmsc]}: scores a
 * GMSC-style .csv or .csv.gz (label included) with the bundled model and prints, as its last line,
 * {@code AUC=0.xxxx KS=0.xxxx n=N}. {@code --split validation} re-carves the trainer's seeded validation split, which
 * is only the held-out data when FILE is the gmsc-dev.csv.gz the model was trained on.
 */
public final class DecisionsCli {

    static final String USAGE = "usage: check | evaluate --data FILE(.csv|.csv.gz) [--split all|train|validation] [--model gmsc]";

    private DecisionsCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && args[0].equals("check")) {
            return check(out);
        }
        if (args.length == 0 || !args[0].equals("evaluate")) {
            err.println(USAGE);
            return 2;
        }
        Path data = null;
        ModelEvaluation.Split split = ModelEvaluation.Split.ALL;
        String model = "gmsc";
        try {
            for (int i = 1; i < args.length; i++) {
                String option = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--data" -> data = Path.of(value);
                    case "--split" -> split = ModelEvaluation.Split.parse(value);
                    case "--model" -> model = value;
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (data == null) {
                throw new IllegalArgumentException("--data is required");
            }
            if (!model.equals("gmsc")) {
                throw new IllegalArgumentException("no bundled model '" + model + "' (this build ships: gmsc)");
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            List<LabeledReport> rows = ModelEvaluation.select(GmscData.read(data), split);
            DefaultProbabilityModel bundled = DefaultProbabilityModel.loadDefault();
            ModelEvaluation.Result result = ModelEvaluation.evaluate(bundled, rows);
            out.printf("model=%s data=%s sha256=%s split=%s%n", bundled.version(), data.getFileName(), sha256(data),
                    split.name().toLowerCase());
            out.printf("rows=%d defaults=%d (%.2f%%) gini=%.4f%n", result.n(), result.defaults(),
                    100.0 * result.defaults() / result.n(), result.gini());
            out.println(result.line());
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("evaluate failed: " + e.getMessage());
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
