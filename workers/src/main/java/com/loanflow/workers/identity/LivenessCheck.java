package com.loanflow.workers.identity;

import java.math.BigDecimal;

/** Scores how likely a selfie shows a live person (0.00–1.00); 0.00 when no face can be found. */
public interface LivenessCheck {

    BigDecimal score(byte[] selfie);
}
