package com.loanflow.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.loanflow.risk.strategy.StrategySpec;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** loanflow.risk.strategies.* binds onto the code defaults: set only what differs. */
class RiskStrategyPropertiesTest {

    private static RiskStrategyProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("loanflow.risk.strategies", RiskStrategyProperties.class);
    }

    @Test
    void defaultsAreTheShippedChampionAndChallengerAtTenPercent() {
        RiskStrategyProperties defaults = bind(Map.of());
        assertThat(defaults.getChallengerSharePercent()).isEqualTo(10);
        assertThat(defaults.getChampion().toSpec()).isEqualTo(StrategySpec.CHAMPION);
        assertThat(defaults.getChallenger().toSpec()).isEqualTo(StrategySpec.CHALLENGER);
    }

    @Test
    void overridesOnlyTheFieldsThatAreSet() {
        RiskStrategyProperties p = bind(Map.of(
                "loanflow.risk.strategies.challenger-share-percent", "25",
                "loanflow.risk.strategies.challenger.name", "lower-apr-v3",
                "loanflow.risk.strategies.challenger.apr-cap-percent", "21.50"));
        assertThat(p.getChallengerSharePercent()).isEqualTo(25);
        StrategySpec challenger = p.getChallenger().toSpec();
        assertThat(challenger.name()).isEqualTo("lower-apr-v3");
        assertThat(challenger.aprCapPercent()).isEqualByComparingTo("21.50");
        assertThat(challenger.riskRoute()).isEqualTo(StrategySpec.CHALLENGER.riskRoute());
        assertThat(p.getChampion().toSpec()).isEqualTo(StrategySpec.CHAMPION);
    }

    @Test
    void refusesACapAboveTheLegalOne() {
        RiskStrategyProperties p = bind(Map.of("loanflow.risk.strategies.champion.apr-cap-percent", "36.00"));
        assertThatThrownBy(() -> p.getChampion().toSpec()).isInstanceOf(IllegalArgumentException.class);
    }
}
