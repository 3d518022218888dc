package com.loanflow.workers.identity;

import java.math.BigDecimal;

/**
 * Compares the selfie with the portrait on the ID card front (vendors sell it together with liveness): 0.00–1.00,
 * the likelihood that both show the same person; 0.00 when either image has no face.
 */
public interface FaceComparison {

    BigDecimal similarity(byte[] selfie, byte[] idCardFront);
}
