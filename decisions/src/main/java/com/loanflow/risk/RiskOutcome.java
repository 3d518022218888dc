package com.loanflow.risk;

public enum RiskOutcome { APPROVE, REVIEW, REJECT }
