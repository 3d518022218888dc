package com.loanflow.device;

import com.loanflow.shared.ApiError;
import com.loanflow.shared.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Refuses request fields we do not collect (e.g. "contacts", "installedApps"): the platform-wide JSON setting ignores
 * unknown fields, which for personal data would hide an over-collecting client instead of stopping it.
 */
public final class UnexpectedFields {

    private UnexpectedFields() {
    }

    /** @param prefix the path of the object holding the fields ("" at the top level, "device." inside device) */
    public static List<ApiError.FieldError> of(String prefix, Map<String, Object> unexpected) {
        List<ApiError.FieldError> errors = new ArrayList<>();
        if (unexpected != null) {
            unexpected.keySet().stream().sorted().forEach(name -> errors.add(new ApiError.FieldError(prefix + name,
                    "is not accepted: the platform does not collect it")));
        }
        return errors;
    }

    /**
     * Fields a money request does not have: {@code {"amount":"100.00","methd":"BANK_TRANSFER"}} must not quietly
     * become a card debit because the misspelt field was ignored.
     */
    public static void refuseUnknown(Map<String, Object> unexpected) {
        List<ApiError.FieldError> errors = new ArrayList<>();
        if (unexpected != null) {
            unexpected.keySet().stream().sorted().forEach(name -> errors.add(new ApiError.FieldError(name,
                    "is not a field of this request")));
        }
        refuse(errors);
    }

    public static void refuse(List<ApiError.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Request has invalid fields", errors);
        }
    }
}
