package com.loanflow.contract.signing;

/**
 * Where the platform's signing keys live. The sandbox keeps them in a PKCS#12 file; a PKCS#11 (HSM) implementation
 * returns key handles from a SunPKCS11 KeyStore instead, and JCA picks the HSM provider from the key.
 */
public interface SigningKeys {

    /** The internal CA that certifies borrowers for one signing each. */
    SigningCredential rootCa();

    /** The platform's seal, added after the borrower's signature. */
    SigningCredential platformSeal();
}
