package com.loanflow.risk;

import com.loanflow.risk.strategy.StrategySpec;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code loanflow.risk.strategies.*}: the champion and challenger strategies and the challenger's share of
 * applications in percent. Defaults (here, not in application.yml) are StrategySpec.CHAMPION / CHALLENGER at 10%.
 */
@ConfigurationProperties("loanflow.risk.strategies")
public class RiskStrategyProperties {

    private int challengerSharePercent = 10;
    private Strategy champion = new Strategy(StrategySpec.CHAMPION);
    private Strategy challenger = new Strategy(StrategySpec.CHALLENGER);

    public int getChallengerSharePercent() {
        return challengerSharePercent;
    }

    public void setChallengerSharePercent(int challengerSharePercent) {
        this.challengerSharePercent = challengerSharePercent;
    }

    public Strategy getChampion() {
        return champion;
    }

    public void setChampion(Strategy champion) {
        this.champion = champion;
    }

    public Strategy getChallenger() {
        return challenger;
    }

    public void setChallenger(Strategy challenger) {
        this.challenger = challenger;
    }

    /** One strategy's assets (classpath resources) and thresholds; unset fields keep the code default. */
    public static class Strategy {

        private String name;
        private String ruleSet;
        private String riskRoute;
        private String creditTerms;
        private String limitIncrease;
        private String model;
        private BigDecimal aprCapPercent;

        public Strategy() {
            this(StrategySpec.CHAMPION);
        }

        Strategy(StrategySpec defaults) {
            name = defaults.name();
            ruleSet = defaults.ruleSet();
            riskRoute = defaults.riskRoute();
            creditTerms = defaults.creditTerms();
            limitIncrease = defaults.limitIncrease();
            model = defaults.model();
            aprCapPercent = defaults.aprCapPercent();
        }

        StrategySpec toSpec() {
            return new StrategySpec(name, ruleSet, riskRoute, creditTerms, limitIncrease, model, aprCapPercent);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getRuleSet() {
            return ruleSet;
        }

        public void setRuleSet(String ruleSet) {
            this.ruleSet = ruleSet;
        }

        public String getRiskRoute() {
            return riskRoute;
        }

        public void setRiskRoute(String riskRoute) {
            this.riskRoute = riskRoute;
        }

        public String getCreditTerms() {
            return creditTerms;
        }

        public void setCreditTerms(String creditTerms) {
            this.creditTerms = creditTerms;
        }

        public String getLimitIncrease() {
            return limitIncrease;
        }

        public void setLimitIncrease(String limitIncrease) {
            this.limitIncrease = limitIncrease;
        }

        public String getModel() {
            return model;
        }

        public void setModel(String model) {
            this.model = model;
        }

        public BigDecimal getAprCapPercent() {
            return aprCapPercent;
        }

        public void setAprCapPercent(BigDecimal aprCapPercent) {
            this.aprCapPercent = aprCapPercent;
        }
    }
}
