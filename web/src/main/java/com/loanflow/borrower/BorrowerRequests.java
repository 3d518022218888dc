package com.loanflow.borrower;

import com.loanflow.shared.Masking;
import com.loanflow.shared.MaxUtf8Bytes;
import com.loanflow.shared.MobilePhone;
import com.loanflow.shared.ValidIdNumber;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the borrower endpoints, with their field rules. */
final class BorrowerRequests {

    private BorrowerRequests() {
    }

    record ConsentGiven(@NotBlank @Size(max = 40) String type, @NotBlank @Size(max = 20) String version) {
    }

    record Registration(
            @NotBlank @MobilePhone String phone,
            @NotBlank @Size(min = 8, max = 64, message = "must be 8 to 64 characters") @MaxUtf8Bytes(72)
            @Pattern(regexp = "^(?=.*[A-Za-z])(?=.*\\d).+$", message = "must contain letters and digits") String password,
            @NotEmpty(message = "must include PRIVACY_POLICY, CREDIT_AUTHORIZATION, SERVICE_AGREEMENT and FACE_RECOGNITION")
            @Size(max = 20, message = "must list at most 20 agreements") List<@Valid @NotNull ConsentGiven> consents) {

        // records print every component by default; Spring logs request bodies at DEBUG
        @Override
        public String toString() {
            return "Registration[phone=" + Masking.phone(phone) + ", password=****, consents=" + consents + "]";
        }
    }

    /** Consent to agreements in their current versions, e.g. after a new version was published. */
    record Consents(@NotEmpty(message = "must list at least one agreement")
                    @Size(max = 20, message = "must list at most 20 agreements") List<@Valid @NotNull ConsentGiven> consents) {
    }

    record Login(@NotBlank String phone, @NotBlank @MaxUtf8Bytes(72) String password) {

        @Override
        public String toString() {
            return "Login[phone=" + Masking.phone(phone) + ", password=****]";
        }
    }

    record PasswordChange(
            @NotBlank @MaxUtf8Bytes(72) String currentPassword,
            @NotBlank @Size(min = 8, max = 64, message = "must be 8 to 64 characters") @MaxUtf8Bytes(72)
            @Pattern(regexp = "^(?=.*[A-Za-z])(?=.*\\d).+$", message = "must contain letters and digits") String newPassword) {

        @Override
        public String toString() {
            return "PasswordChange[****]";
        }
    }

    record Identity(
            // at least two Han characters; "·" only between parts, as in transliterated names (阿卜杜·热合曼)
            @NotBlank @Pattern(regexp = "(?=.{2,20}$)\\p{IsHan}+(?:·\\p{IsHan}+)*",
                    message = "must be 2 to 20 Chinese characters (· only between parts of the name)") String name,
            @NotBlank @ValidIdNumber String idNumber,
            @NotBlank String idCardFrontImage,
            @NotBlank String selfieImage) {

        @Override
        public String toString() {
            return "Identity[name=" + Masking.name(name) + ", idNumber=" + Masking.idNumber(idNumber) + ", images=****]";
        }
    }
}
