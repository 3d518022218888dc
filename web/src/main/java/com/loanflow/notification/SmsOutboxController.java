package com.loanflow.notification;

import com.loanflow.shared.BlindIndex;
import com.loanflow.shared.Masking;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sandbox only: what the SMS provider "sent" to a phone (where a tester reads the signing code). */
@RestController
@ConditionalOnProperty(name = "loanflow.sandbox.enabled", havingValue = "true")
class SmsOutboxController {

    record Message(String messageId, String phone, String body, LocalDateTime sentAt) {
    }

    private final SandboxSmsMapper mapper;
    private final BlindIndex blindIndex;

    SmsOutboxController(SandboxSmsMapper mapper, BlindIndex blindIndex) {
        this.mapper = mapper;
        this.blindIndex = blindIndex;
    }

    @GetMapping("/sandbox/sms-outbox")
    List<Message> outbox(@RequestParam String phone) {
        return mapper.findByPhoneIdx(blindIndex.of("phone", phone)).stream()
                .map(m -> new Message(m.id(), Masking.phone(phone), m.body(), m.sentAt()))
                .toList();
    }
}
