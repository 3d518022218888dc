package com.loanflow.borrower;

import com.loanflow.audit.AuditLog;
import com.loanflow.platform.OpsApiSecurity;
import com.loanflow.shared.Masking;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one way an operator sees a borrower's plaintext personal data: one field at a time, with a stated reason,
 * only for group ops/camunda-admin (OpsApiSecurity), and every reveal in the audit log before the value leaves.
 */
@RestController
class RevealController {

    /** A revealable field: how to read its plaintext and how the audit log shows it. */
    enum Field {
        NAME(Borrowers::name, Masking::name),
        ID_NUMBER(Borrowers::idNumber, Masking::idNumber),
        PHONE(Borrowers::phone, Masking::phone);

        private final java.util.function.BiFunction<Borrowers, Borrower, String> reader;
        private final java.util.function.UnaryOperator<String> masking;

        Field(java.util.function.BiFunction<Borrowers, Borrower, String> reader,
              java.util.function.UnaryOperator<String> masking) {
            this.reader = reader;
            this.masking = masking;
        }
    }

    record RevealRequest(@NotNull Field field,
                         @NotNull @Size(min = 10, max = 200, message = "must say why, 10 to 200 characters") String reason) {
    }

    record Revealed(String borrowerId, Field field, String value) {

        /** Spring logs response bodies at DEBUG: the revealed value is for the operator's screen only. */
        @Override
        public String toString() {
            return "Revealed[" + borrowerId + ", " + field + ", value=(" + (value == null ? 0 : value.length())
                    + " characters)]";
        }
    }

    private final Borrowers borrowers;
    private final AuditLog audit;

    RevealController(Borrowers borrowers, AuditLog audit) {
        this.borrowers = borrowers;
        this.audit = audit;
    }

    @PostMapping("/ops/v1/borrowers/{borrowerId}/reveal")
    Revealed reveal(@PathVariable String borrowerId, @Valid @RequestBody RevealRequest request,
                    HttpServletRequest http) {
        Borrower borrower = borrowers.get(borrowerId);
        String value = request.field().reader.apply(borrowers, borrower);
        if (value == null) {
            throw com.loanflow.shared.ApiException.notFound("Borrower " + request.field().name().toLowerCase());
        }
        String masked = request.field().masking.apply(value);
        audit.record(OpsApiSecurity.operator(http), "PII_REVEAL", "BORROWER", borrowerId,
                Map.of("field", request.field().name(), "reason",
                        com.loanflow.shared.logging.PersonalDataMasker.mask(request.reason()), "masked", masked));
        return new Revealed(borrowerId, request.field(), value);
    }
}
