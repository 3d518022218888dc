package com.loanflow.risk.model;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds shared/data files: -Dloanflow.data.dir or LOANFLOW_DATA_DIR (.ci/run sets it), else shared/ beside any
 * parent folder of the build. Only a developer's machine without the data sets may skip the model-quality tests
 * (null): a configured folder without the file, or any miss under CI, fails them, because they are the only guard of
 * the model's AUC, calibration and explanations.
 */
final class GmscFile {

    private GmscFile() {
    }

    static Path locate() {
        return locate("gmsc-dev.csv.gz");
    }

    static Path locateTaiwan() {
        return locate("taiwan-dev.csv.gz");
    }

    static Path locate(String name) {
        String configured = System.getProperty("loanflow.data.dir", System.getenv("LOANFLOW_DATA_DIR"));
        if (configured != null) {
            Path file = Path.of(configured, name);
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(name + " is not in the configured data folder " + configured);
            }
            return file;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("shared/data/" + name);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(name + " not found under shared/data beside the checkout and"
                    + " LOANFLOW_DATA_DIR is not set: CI must not skip the model-quality tests");
        }
        return null;
    }
}
