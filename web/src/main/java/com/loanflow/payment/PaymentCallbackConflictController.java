package com.loanflow.payment;

import com.loanflow.shared.ApiException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Ops see the channel answers that contradict the one applied (PaymentCallbacks), to settle with the channel. */
@RestController
class PaymentCallbackConflictController {

    private final PaymentCallbackMapper mapper;

    PaymentCallbackConflictController(PaymentCallbackMapper mapper) {
        this.mapper = mapper;
    }

    @GetMapping("/ops/v1/payment-callback-conflicts")
    List<PaymentCallbackMapper.Conflict> conflicts(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 500) {
            throw ApiException.invalidField("limit", "must be between 1 and 500");
        }
        return mapper.findConflicts(limit);
    }
}
