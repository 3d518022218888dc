package com.loanflow.risk;

import com.loanflow.shared.ApiException;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Workers hand over the bureau report of a logged query here (internal API) and keep only the id it returns. */
@RestController
class CreditReportController {

    private final CreditReports reports;

    CreditReportController(CreditReports reports) {
        this.reports = reports;
    }

    @PutMapping("/internal/v1/applications/{applicationId}/credit-reports/{queryId}")
    Map<String, String> store(@PathVariable String applicationId, @PathVariable String queryId,
                              @RequestBody CreditBureauReport report) {
        if (!queryId.matches("[0-9a-fA-F-]{8,36}")) {
            throw ApiException.invalidField("queryId", "must be a UUID");
        }
        return Map.of("creditReportId", reports.store(applicationId, queryId, report));
    }
}
