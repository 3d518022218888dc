package com.loanflow.ledger;

/** A programming error, never a business outcome: nothing of the entry is written. */
public class UnbalancedEntryException extends IllegalArgumentException {

    UnbalancedEntryException(String message) {
        super(message);
    }
}
