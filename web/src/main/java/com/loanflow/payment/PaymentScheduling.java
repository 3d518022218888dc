package com.loanflow.payment;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the payout status query (PayoutStatusQuery) on Spring's scheduler. */
@Configuration
@EnableScheduling
class PaymentScheduling {
}
