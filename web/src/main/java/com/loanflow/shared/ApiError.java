package com.loanflow.shared;

import java.util.List;

/** The one error shape of the borrower API: stable code, readable message, field-level errors. */
public record ApiError(String code, String message, List<FieldError> fieldErrors) {

    public record FieldError(String field, String message) {
    }
}
