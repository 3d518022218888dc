package com.loanflow.agreement;

import com.loanflow.shared.ApiException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/agreements")
class AgreementController {

    record AgreementSummary(AgreementType type, String version, String title, String url, String sha256) {
    }

    private final AgreementCatalog catalog;

    AgreementController(AgreementCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    List<AgreementSummary> current() {
        return catalog.current().stream()
                .map(a -> new AgreementSummary(a.type(), a.version(), a.type().title(), a.url(), a.sha256()))
                .toList();
    }

    @GetMapping("/{type}/{version}")
    ResponseEntity<String> text(@PathVariable String type, @PathVariable String version) {
        AgreementType agreementType;
        try {
            agreementType = AgreementType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Agreement");
        }
        Agreement agreement = catalog.find(agreementType, version).orElseThrow(() -> ApiException.notFound("Agreement"));
        return ResponseEntity.ok().contentType(new MediaType("text", "markdown", java.nio.charset.StandardCharsets.UTF_8))
                .body(agreement.text());
    }
}
