package com.loanflow.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loanflow.shared.ApiError;
import com.loanflow.shared.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Workers hand over the bureau report of a logged query here (internal API) and keep only the id it returns. The
 * report decides credit, so it is checked field by field before it is stored: every field present (a missing count
 * would silently read as 0, a clean record), numbers finite and in range. Income and dependents may be null: the
 * bureau's NA, which the model handles as missing.
 */
@RestController
class CreditReportController {

    static final Set<String> MAY_BE_NULL = Set.of("monthlyIncome", "dependents");
    // GMSC's 96 and 98 are the bureau's sentinel codes for past-due counts; anything above is not a count
    static final int MAX_COUNT = 98;

    private final CreditReports reports;
    private final ObjectMapper json;

    CreditReportController(CreditReports reports, ObjectMapper json) {
        this.reports = reports;
        this.json = json;
    }

    @PutMapping("/internal/v1/applications/{applicationId}/credit-reports/{queryId}")
    Map<String, String> store(@PathVariable String applicationId, @PathVariable String queryId,
                              @RequestBody JsonNode body) throws Exception {
        if (!queryId.matches("[0-9a-fA-F-]{8,36}")) {
            throw ApiException.invalidField("queryId", "must be a UUID");
        }
        return Map.of("creditReportId", reports.store(applicationId, queryId, checked(body)));
    }

    CreditBureauReport checked(JsonNode body) throws Exception {
        if (body == null || !body.isObject()) {
            throw ApiException.invalidField("body", "must be a JSON object");
        }
        List<ApiError.FieldError> errors = new ArrayList<>();
        for (var component : CreditBureauReport.class.getRecordComponents()) {
            String name = component.getName();
            JsonNode value = body.get(name);
            if (value == null || value.isNull()) {
                if (!MAY_BE_NULL.contains(name)) {
                    errors.add(new ApiError.FieldError(name, "is required"));
                }
                continue;
            }
            Class<?> type = component.getType();
            if (type == boolean.class) {
                if (!value.isBoolean()) {
                    errors.add(new ApiError.FieldError(name, "must be true or false"));
                }
            } else if (type == int.class || type == Integer.class) {
                int max = name.equals("age") ? 130 : name.equals("dependents") ? 30 : MAX_COUNT;
                if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0 || value.intValue() > max) {
                    errors.add(new ApiError.FieldError(name, "must be a whole number from 0 to " + max));
                }
            } else if (!value.isNumber() || !Double.isFinite(value.doubleValue()) || value.doubleValue() < 0) {
                errors.add(new ApiError.FieldError(name, "must be a finite number, 0 or more"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Request has invalid fields", errors);
        }
        return json.treeToValue(body, CreditBureauReport.class);
    }
}
