package com.loanflow.shared.crypto;

/** ACTIVE: may be in use (the highest ACTIVE version encrypts new values). RETIRED: no row uses it; decrypts only. */
public enum DataKeyState {
    ACTIVE, RETIRED
}
