package org.smc4j.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smc4j.backtest.slippage.AtrSlippageModel;
import org.smc4j.backtest.slippage.PercentSlippageModel;
import org.smc4j.backtest.slippage.TickSlippageModel;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.risk.MaxSizePolicy;
import org.smc4j.risk.StopSlippage;

class SweepParametersTest {

  private static RunSettings apply(String key, String value) {
    return SweepParameters.apply(RunSettings.DEFAULT, key, ParamValue.parse(value));
  }

  @Test
  void shouldReadBackEveryParameterItApplies() {
    for (String key : SweepParameters.keys()) {
      ParamValue v = SweepParameters.read(RunSettings.DEFAULT, key);
      if (v.text().equals("none")) {
        continue;
      }
      RunSettings s = SweepParameters.apply(RunSettings.DEFAULT, key, v);
      assertThat(SweepParameters.read(s, key)).as(key).isEqualTo(v);
    }
    assertThat(SweepParameters.keys()).hasSize(42);
  }

  @Test
  void shouldChangeOnlyTheFieldItNames() {
    assertThat(apply("strategy.target.reward-risk", "3").strategy())
        .isEqualTo(StrategyConfig.builder().rewardRisk(3).build());
    assertThat(apply("strategy.swing.15m.left", "5").strategy().swings().m15().left()).isEqualTo(5);
    assertThat(
            apply("strategy.break.continuation-only", "true")
                .strategy()
                .breaks()
                .continuationOnly())
        .isTrue();
    assertThat(apply("risk.guards.max-concurrent-trades", "1").guards().maxConcurrentTrades())
        .isEqualTo(1);
    assertThat(apply("risk.fees.taker", "0.0004").sizing().fees().takerRate())
        .isEqualByComparingTo("0.0004");
    assertThat(apply("risk.max-size-policy", "cap").sizing().maxSizePolicy())
        .isEqualTo(MaxSizePolicy.CAP);
    assertThat(apply("risk.max-cost-share", "0.25").sizing().maxCostShare())
        .isEqualByComparingTo("0.25");
    assertThat(apply("risk.stop-slippage.unit", "price").sizing().slippage().unit())
        .isEqualTo(StopSlippage.Unit.PRICE);
    assertThat(apply("risk.guards.account-equity-usd", "50").accountEquityUsd())
        .isEqualByComparingTo(new BigDecimal("50"));
    assertThat(apply("backtest.slippage.ticks", "2").slippage())
        .isEqualTo(new TickSlippageModel(2));
    assertThat(apply("backtest.slippage.fraction", "0.0002").slippage())
        .isEqualTo(new PercentSlippageModel(0.0002));
    assertThat(apply("backtest.slippage.atr", "0.05").slippage())
        .isEqualTo(new AtrSlippageModel(0.05, 1));
    assertThat(apply("backtest.limit-expiry", "never").limitExpiry()).isEmpty();
    assertThat(apply("backtest.limit-expiry", "30m").limitExpiry())
        .isEqualTo(Optional.of(Duration.ofMinutes(30)));
    assertThat(apply("backtest.funding-interval", "4h").fundingInterval())
        .isEqualTo(Duration.ofHours(4));
    assertThat(apply("backtest.apply-guards", "false").applyGuards()).isFalse();
  }

  @Test
  void shouldNameTheKeyPathOfAValueTheStrategyRejects() {
    assertThatThrownBy(() -> apply("strategy.target.reward-risk", "0"))
        .isInstanceOf(SweepParameterException.class)
        .hasMessage("strategy.target.reward-risk: must be > 0 and finite, was 0.0")
        .extracting(e -> ((SweepParameterException) e).keyPath())
        .isEqualTo("strategy.target.reward-risk");
    assertThatThrownBy(() -> apply("strategy.fib.golden", "0.4"))
        .isInstanceOf(SweepParameterException.class)
        .extracting(e -> ((SweepParameterException) e).keyPath())
        .isEqualTo("strategy.fib.golden");
    assertThatThrownBy(() -> apply("risk.guards.max-concurrent-trades", "0"))
        .hasMessage(
            "risk.guards.max-concurrent-trades: value 0 rejected: maxConcurrentTrades must be"
                + " >= 1, was 0");
  }

  @Test
  void shouldNameTheKeyPathOfAValueOfTheWrongKind() {
    assertThatThrownBy(() -> apply("strategy.swing.15m.left", "2.5"))
        .isInstanceOf(SweepParameterException.class)
        .hasMessage("strategy.swing.15m.left: must be a whole number, was 2.5");
    assertThatThrownBy(() -> apply("strategy.target.second-target", "1"))
        .hasMessage("strategy.target.second-target: must be true or false, was 1");
    assertThatThrownBy(() -> apply("risk.max-size-policy", "clip"))
        .hasMessage("risk.max-size-policy: must be one of refuse, cap, was clip");
    assertThatThrownBy(() -> apply("backtest.limit-expiry", "soon"))
        .hasMessage(
            "backtest.limit-expiry: must be a duration like 500ms, 30s, 15m, 8h or 1d, was soon");
    assertThatThrownBy(() -> apply("backtest.slippage.fallback-ticks", "2"))
        .hasMessageStartingWith("backtest.slippage.fallback-ticks: value 2 rejected: belongs to");
  }

  @Test
  void shouldRefuseAnUnknownKeyNamingIt() {
    assertThatThrownBy(() -> apply("strategy.target.reward", "2"))
        .isInstanceOf(SweepParameterException.class)
        .hasMessageStartingWith(
            "strategy.target.reward: unknown parameter; a sweep can vary strategy.swing.15m.left,");
  }
}
