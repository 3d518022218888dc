package com.loanflow.notification;

import java.time.LocalDateTime;

/** One message in the sandbox SMS provider's outbox. */
public record SandboxSms(String id, String phoneIdx, String phoneEnc, String body, LocalDateTime sentAt) {

    public static final String TABLE = "sandbox_sms_outbox";
}
