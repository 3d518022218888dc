package com.loanflow.blacklist;

import com.loanflow.platform.OpsApiSecurity;
import com.loanflow.risk.Blacklist;
import com.loanflow.risk.Blacklist.EntryType;
import com.loanflow.risk.BlacklistEntry;
import com.loanflow.shared.ApiException;
import com.loanflow.shared.ChineseIdNumber;
import com.loanflow.shared.Luhn;
import com.loanflow.shared.logging.PersonalDataMasker;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ops maintain the blacklist here. /ops/** is reachable only by users of group ops (OpsApiSecurity); every change is
 * audited with the ops user as actor. Values go in as plaintext and come back only masked.
 */
@RestController
class BlacklistController {

    record NewEntry(
            @NotNull(message = "must be one of ID_NUMBER, PHONE, BANK_CARD, DEVICE") EntryType type,
            @NotBlank @Size(max = 128) String value,
            @NotBlank @Size(max = 255) String reason,
            @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'")
            String source,
            @Future(message = "must be in the future") LocalDateTime expiresAt) {
    }

    record EntryView(String id, String type, String maskedValue, String reason, String source,
                     LocalDateTime expiresAt, LocalDateTime createdAt) {

        static EntryView of(BlacklistEntry e) {
            return new EntryView(e.id(), e.entryType(), e.maskedValue() == null ? "****" : e.maskedValue(),
                    e.reason(), e.source(), e.expiresAt(), e.createdAt());
        }
    }

    static final int MAX_LISTING_YEARS = 10;

    private final Blacklist blacklist;

    BlacklistController(Blacklist blacklist) {
        this.blacklist = blacklist;
    }

    @PostMapping("/ops/v1/blacklist")
    @ResponseStatus(HttpStatus.CREATED)
    EntryView add(@Valid @RequestBody NewEntry entry, HttpServletRequest http) {
        String value = entry.value().trim();
        // DATETIME holds years up to 9999 on MySQL; a listing meant to be permanent has no expiry at all
        if (entry.expiresAt() != null && entry.expiresAt().isAfter(LocalDateTime.now().plusYears(MAX_LISTING_YEARS))) {
            throw ApiException.invalidField("expiresAt", "must be within " + MAX_LISTING_YEARS
                    + " years; leave it out for a listing without end");
        }
        if (!wellFormed(entry.type(), value)) {
            throw ApiException.invalidField("value", "is not a valid " + entry.type());
        }
        // the reason is stored and listed as written, so a phone or card typed into it is masked first
        return blacklist.add(entry.type(), value, PersonalDataMasker.mask(entry.reason()),
                        entry.source() == null ? "ops" : entry.source(),
                        entry.expiresAt(), OpsApiSecurity.operator(http))
                .map(EntryView::of)
                .orElseThrow(() -> ApiException.conflict("ALREADY_LISTED", "This value is already on the blacklist"));
    }

    @DeleteMapping("/ops/v1/blacklist/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String id, @RequestParam String reason, HttpServletRequest http) {
        if (reason.isBlank() || reason.length() > 255) {
            throw ApiException.invalidField("reason", "must be 1 to 255 characters");
        }
        if (!blacklist.removeById(id, OpsApiSecurity.operator(http), PersonalDataMasker.mask(reason))) {
            throw ApiException.notFound("Blacklist entry");
        }
    }

    @GetMapping("/ops/v1/blacklist")
    List<EntryView> list(@RequestParam(required = false) EntryType type,
                         @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        if (limit < 1 || limit > 500) {
            throw ApiException.invalidField("limit", "must be between 1 and 500");
        }
        if (offset < 0) {
            throw ApiException.invalidField("offset", "must not be negative");
        }
        return blacklist.list(type, limit, offset).stream().map(EntryView::of).toList();
    }

    static boolean wellFormed(EntryType type, String value) {
        return switch (type) {
            case ID_NUMBER -> ChineseIdNumber.isValid(value);
            case PHONE -> value.matches("1[3-9]\\d{9}");
            case BANK_CARD -> Luhn.isValid(value);
            case DEVICE -> value.matches("[A-Za-z0-9._:-]{8,128}");
        };
    }
}
