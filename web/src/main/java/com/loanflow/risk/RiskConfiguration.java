package com.loanflow.risk;

import com.loanflow.risk.strategy.ChampionChallenger;
import com.loanflow.risk.strategy.ModelSource;
import com.loanflow.risk.strategy.StrategyEngines;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(RiskStrategyProperties.class)
class RiskConfiguration {

    /** Where strategies get models by resource; a model feature bean of this type replaces the classpath reader. */
    @Bean
    @ConditionalOnMissingBean
    ModelSource modelSource() {
        return ModelSource.CLASSPATH;
    }

    /** Both strategies' rules, tables and models load once at start-up (a missing resource stops the start). */
    @Bean
    ChampionChallenger championChallenger(RiskStrategyProperties properties, ModelSource models) {
        return new ChampionChallenger(properties.getChampion().toSpec(), properties.getChallenger().toSpec(),
                properties.getChallengerSharePercent(), new StrategyEngines(models));
    }

    /** The champion's engine, for callers outside a decision (e.g. limit increases after repayment). */
    @Bean
    RiskEngine riskEngine(ChampionChallenger strategies) {
        return strategies.engine(strategies.champion());
    }
}
