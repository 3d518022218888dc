package com.loanflow.risk.strategy;

import com.loanflow.risk.model.DefaultProbabilityModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one seam through which strategies get their model by resource/version. Until the model feature publishes
 * its own loader this reads an XGBoost JSON from the classpath; swap the implementation here, nowhere else.
 */
@FunctionalInterface
public interface ModelSource {

    DefaultProbabilityModel load(String resource);

    ModelSource CLASSPATH = resource -> {
        if (DefaultProbabilityModel.RESOURCE.equals(resource)) {
            return DefaultProbabilityModel.loadDefault();
        }
        try (InputStream in = ModelSource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("model resource missing: " + resource);
            }
            return DefaultProbabilityModel.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };
}
