package com.loanflow.risk.model;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds shared/data files: -Dloanflow.data.dir or LOANFLOW_DATA_DIR (.ci/run sets it), else shared/ beside any
 * parent folder of the build.
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
            return Files.isRegularFile(file) ? file : null;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("shared/data/" + name);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }
}
