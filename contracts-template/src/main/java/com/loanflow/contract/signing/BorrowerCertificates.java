package com.loanflow.contract.signing;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Issues a borrower a fresh key pair and a one-year certificate from the internal CA, for one signing. */
final class BorrowerCertificates {

    private final SigningKeys keys;
    private final Clock clock;

    BorrowerCertificates(SigningKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** @param maskedName the display form (张*): the certificate never carries plaintext personal data */
    SigningCredential issue(String maskedName, String borrowerId) {
        Instant now = clock.instant();
        KeyPair borrowerKeys = CertificateIssuer.newKeyPair(2048);
        SigningCredential ca = keys.rootCa();
        X509Certificate certificate = CertificateIssuer.issueSigner(ca, borrowerKeys.getPublic(),
                CertificateIssuer.name(maskedName + " " + borrowerId), now,
                now.atOffset(ZoneOffset.UTC).plusYears(1).toInstant());
        X509Certificate[] chain = new X509Certificate[ca.chain().length + 1];
        chain[0] = certificate;
        System.arraycopy(ca.chain(), 0, chain, 1, ca.chain().length);
        return new SigningCredential(borrowerKeys.getPrivate(), chain);
    }
}
