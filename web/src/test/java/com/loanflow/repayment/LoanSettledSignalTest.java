package com.loanflow.repayment;

import static org.assertj.core.api.Assertions.assertThat;

import com.loanflow.e2e.PlatformTest;
import com.loanflow.payment.PaidOutLoans;
import java.math.BigDecimal;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The money that settles a loan is applied whatever the engine makes of it: a process that cannot take LoanSettled
 * (here suspended by ops in Cockpit) neither refuses the repayment nor rolls it back; the sweep delivers the message
 * once the process can take it.
 */
@PlatformTest
class LoanSettledSignalTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PaidOutLoans paidOutLoans;

    @Autowired
    Repayments repayments;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    LoanSettledSignal signal;

    @Test
    void aSuspendedProcessDoesNotUndoTheSettlementAndTheSweepEndsItLater() throws Exception {
        var paidOut = paidOutLoans.paidOut("1000.00");
        String applicationId = paidOut.application().applicationId;
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationId)
                .singleResult();
        runtime.suspendProcessInstanceById(instance.getId());

        Repayment settlement = BankTransfers.received(repayments, paidOut.loanId(),
                "SIG-" + paidOut.loanId().substring(0, 8), new BigDecimal("1000.00"));

        assertThat(settlement.status()).isEqualTo(Repayment.APPLIED);
        assertThat(jdbc.queryForObject("SELECT status FROM loan WHERE id = ?", String.class, paidOut.loanId()))
                .isEqualTo("SETTLED");
        assertThat(jdbc.queryForObject("SELECT status FROM loan_application WHERE id = ?", String.class, applicationId))
                .isEqualTo("SETTLED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
                .as("still waiting: the suspended process could not take the message").isEqualTo(1);
        signal.sweep();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
                .as("the sweep cannot deliver to a suspended process either").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT settled_signal_at FROM loan WHERE id = ?", java.time.LocalDateTime.class,
                paidOut.loanId())).as("not marked as told").isNull();

        // an investigation that kept the process suspended for a month
        jdbc.update("UPDATE loan SET settled_at = ? WHERE id = ?", java.time.LocalDateTime.now().minusDays(30),
                paidOut.loanId());
        runtime.activateProcessInstanceById(instance.getId());
        signal.sweep(); // (the scheduled sweep may have got there first: either way the process ends)

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("End_LoanSettled").finished().count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT settled_signal_at FROM loan WHERE id = ?", java.time.LocalDateTime.class,
                paidOut.loanId())).as("marked: the sweep forgets this loan").isNotNull();
    }
}
