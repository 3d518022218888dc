package com.loanflow.audit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Ops only (see OpsApiSecurity): checks the audit chain for tampering. */
@RestController
class AuditController {

    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping("/ops/v1/audit/verify")
    Verification verify() {
        return auditLog.verify();
    }
}
