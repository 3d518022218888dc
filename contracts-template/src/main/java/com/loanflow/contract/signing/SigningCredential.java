package com.loanflow.contract.signing;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A private key with its certificate chain, signer first, root last. The key may be an HSM handle. */
public record SigningCredential(PrivateKey key, X509Certificate[] chain) {

    public X509Certificate certificate() {
        return chain[0];
    }
}
