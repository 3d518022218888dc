package com.loanflow.risk.strategy;

/** The two strategies running at once: the champion decides most traffic, the challenger a configured share. */
public enum Arm { CHAMPION, CHALLENGER }
