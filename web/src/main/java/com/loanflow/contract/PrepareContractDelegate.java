package com.loanflow.contract;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("prepareContractDelegate")
class PrepareContractDelegate implements JavaDelegate {

    private final Contracts contracts;

    PrepareContractDelegate(Contracts contracts) {
        this.contracts = contracts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("contractId", contracts.prepare(execution.getProcessBusinessKey()).id());
    }
}
