package com.loanflow.contract.template;

/** A template line uses a ${placeholder} that the contract content does not supply. */
public final class MissingPlaceholderException extends IllegalStateException {

    private final String placeholder;

    MissingPlaceholderException(String placeholder, String templateLine) {
        super("no value for ${" + placeholder + "} in template line: " + templateLine);
        this.placeholder = placeholder;
    }

    public String placeholder() {
        return placeholder;
    }
}
