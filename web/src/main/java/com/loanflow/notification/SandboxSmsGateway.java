package com.loanflow.notification;

import com.loanflow.shared.BlindIndex;
import com.loanflow.shared.FieldCipher;
import com.loanflow.shared.Ids;
import java.time.Clock;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The sandbox SMS provider: messages land in an outbox readable at /sandbox/sms-outbox, phone encrypted. */
@Component
@ConditionalOnProperty(name = "loanflow.sandbox.enabled", havingValue = "true")
class SandboxSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(SandboxSmsGateway.class);

    private final SandboxSmsMapper mapper;
    private final FieldCipher cipher;
    private final BlindIndex blindIndex;
    private final Clock clock;

    SandboxSmsGateway(SandboxSmsMapper mapper, FieldCipher cipher, BlindIndex blindIndex, Clock clock) {
        this.mapper = mapper;
        this.cipher = cipher;
        this.blindIndex = blindIndex;
        this.clock = clock;
    }

    @Override
    public void send(String phone, String text) {
        String id = Ids.newId();
        mapper.insert(new SandboxSms(id, blindIndex.of("phone", phone),
                cipher.encrypt(phone, FieldCipher.context(SandboxSms.TABLE, "phone", id)), text, LocalDateTime.now(clock)));
        log.info("Sandbox SMS {} queued ({} characters)", id, text.length());
    }
}
