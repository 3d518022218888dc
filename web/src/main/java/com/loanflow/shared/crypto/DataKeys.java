package com.loanflow.shared.crypto;

import javax.crypto.SecretKey;

/** What the field cipher needs: the version that encrypts new values and any version's key to decrypt. */
public interface DataKeys {

    int activeVersion();

    SecretKey key(int version);
}
