package com.loanflow.contract.template;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One installment as printed in the contract's schedule. */
public record ScheduleLine(int seq, LocalDate dueDate, BigDecimal principal, BigDecimal interest, BigDecimal total) {
}
