package com.loanflow.risk;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Ops only (see OpsApiSecurity): champion/challenger comparison and decision replay. */
@RestController
@RequestMapping("/ops/v1/risk")
class RiskOpsController {

    private final StrategyComparison comparison;
    private final DecisionReplay replay;

    RiskOpsController(StrategyComparison comparison, DecisionReplay replay) {
        this.comparison = comparison;
        this.replay = replay;
    }

    @GetMapping("/strategies/comparison")
    StrategyComparison.Comparison comparison() {
        return comparison.compare();
    }

    /** Read-only despite POST: it recomputes and changes nothing; both verbs for scripts and browsers. */
    @GetMapping("/decisions/{applicationId}/replay")
    DecisionReplay.Result replayGet(@PathVariable String applicationId) {
        return replay.replay(applicationId);
    }

    @PostMapping("/decisions/{applicationId}/replay")
    DecisionReplay.Result replayPost(@PathVariable String applicationId) {
        return replay.replay(applicationId);
    }
}
