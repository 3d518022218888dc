package com.loanflow.device;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Map;

/**
 * The device a borrower applies from, as the app reports it. Deliberately nothing more: contact lists, call logs
 * and installed-app lists are not collected (PIPL: no more than the purpose needs), and an unknown field is refused
 * rather than silently dropped, so a client cannot believe it sent them.
 */
public record ClientDevice(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{8,128}",
                message = "must be 8 to 128 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'") String deviceId,
        @NotBlank @Pattern(regexp = "ANDROID|IOS|WEB", message = "must be one of ANDROID, IOS, WEB") String platform,
        @Pattern(regexp = "\\d{1,4}(\\.\\d{1,4}){0,3}", message = "must be a version like 3.12.0") String appVersion,
        @Schema(hidden = true) @JsonAnySetter Map<String, Object> unexpectedFields) {

    public ClientDevice(String deviceId, String platform, String appVersion) {
        this(deviceId, platform, appVersion, null);
    }
}
