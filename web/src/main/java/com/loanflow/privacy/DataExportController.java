package com.loanflow.privacy;

import com.loanflow.borrower.BorrowerPrincipal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The borrower downloads a copy of their data (PIPL art. 45, ADR 0027). */
@RestController
class DataExportController {

    private final DataExport export;

    DataExportController(DataExport export) {
        this.export = export;
    }

    @GetMapping("/api/v1/borrowers/me/data-export")
    ResponseEntity<DataExport.Document> export(BorrowerPrincipal principal) {
        DataExport.Document document = export.of(principal.borrowerId());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"loanflow-my-data-"
                        + document.exportedAt().toLocalDate() + ".json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(document);
    }
}
