package org.smc4j.cli.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.backtest.broker.EntryKind;
import org.smc4j.backtest.broker.ExpiryModel;
import org.smc4j.backtest.broker.OrderIntent;
import org.smc4j.backtest.broker.Side;
import org.smc4j.backtest.fee.Liquidity;
import org.smc4j.backtest.fee.PercentFeeModel;
import org.smc4j.backtest.slippage.PercentSlippageModel;
import org.smc4j.backtest.slippage.TickSlippageModel;
import org.smc4j.risk.StopSlippage;

class BacktestConfigTest {

  @TempDir Path dir;

  private BacktestConfig read(String name, String content) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, content);
    return BacktestConfig.read(f);
  }

  @Test
  void shouldApplyYamlSectionsToStrategyBrokerAndSizer() throws IOException {
    BacktestConfig c =
        read(
            "c.yaml",
            """
            # a comment
            strategy:
              rewardRisk: 3        # wider target
              continuationOnly: true
              swing15Left: 4
            backtest:
              riskUsd: "2.5"
              takerFee: 0.0004
              slippageTicks: 2
              limitExpiryHours: 0
            """);
    assertThat(c.strategy().rewardRisk()).isEqualTo(3.0);
    assertThat(c.strategy().continuationOnly()).isTrue();
    assertThat(c.strategy().swing15Left()).isEqualTo(4);
    assertThat(c.strategy().swing15Right()).isEqualTo(3);
    assertThat(c.sizing().riskUsd()).isEqualByComparingTo("2.5");
    // the fee reaches both the broker and the sizer; the maker rate stays the default
    assertThat(c.models().fee()).isEqualTo(new PercentFeeModel(0.0002, 0.0004));
    assertThat(c.models().fee().fee(1000, Liquidity.TAKER)).isEqualTo(0.4);
    assertThat(c.sizing().fees().takerRate()).isEqualByComparingTo("0.0004");
    assertThat(c.models().slippage()).isEqualTo(new TickSlippageModel(2));
    assertThat(c.sizing().slippage()).isEqualTo(StopSlippage.ticks(new BigDecimal("2")));
    OrderIntent limit =
        new OrderIntent(
            1,
            "p",
            "X",
            Side.LONG,
            EntryKind.LIMIT,
            100,
            99,
            102,
            OptionalDouble.empty(),
            Instant.EPOCH,
            1,
            1,
            1,
            Optional.empty());
    assertThat(c.models().expiry().expiresAtMillis(limit)).isEmpty();
    assertThat(ExpiryModel.DEFAULT.expiresAtMillis(limit)).isPresent();
  }

  @Test
  void shouldReadPropertiesAndKeepDefaultsForKeysNotGiven() throws IOException {
    BacktestConfig c =
        read("c.properties", "backtest.slippageFraction=0.0002\nbacktest.fundingRate=-0.0001\n");
    assertThat(c.models().slippage()).isEqualTo(new PercentSlippageModel(0.0002));
    assertThat(c.fundingRate()).isEqualTo(-0.0001);
    assertThat(c.models().funding().rate("BTCUSDT", 0)).isEqualTo(-0.0001);
    assertThat(c.strategy()).isEqualTo(BacktestConfig.DEFAULT.strategy());
    assertThat(c.sizing()).isEqualTo(BacktestConfig.DEFAULT.sizing());
  }

  @Test
  void shouldNameTheFileAndKeyOfABadValue() {
    assertThatThrownBy(() -> read("c.yaml", "strategy:\n  swing5Left: two\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("c.yaml: strategy.swing5Left: expected an integer, was 'two'");
    assertThatThrownBy(() -> read("d.yaml", "strategy:\n  secondTarget: yes\n"))
        .hasMessageEndingWith("d.yaml: strategy.secondTarget: expected true or false, was 'yes'");
    assertThatThrownBy(() -> read("e.properties", "backtest.takerFee=0.5\n"))
        .hasMessageEndingWith(
            "e.properties: backtest.takerFee: fee rate must be in [0, 0.1), was 0.5");
    assertThatThrownBy(() -> read("f.properties", "backtest.riskUsd=0\n"))
        .hasMessageEndingWith("f.properties: backtest.riskUsd: riskUsd must be > 0, was 0");
  }

  @Test
  void shouldRejectUnknownKeysAndTwoSlippageModels() {
    assertThatThrownBy(() -> read("c.yaml", "backtest:\n  equity: 1000\n"))
        .hasMessageEndingWith(
            "c.yaml: backtest.equity: unknown key (known: see smc4j backtest --help)");
    assertThatThrownBy(
            () -> read("d.properties", "backtest.slippageTicks=1\nbacktest.slippageAtr=0.1\n"))
        .hasMessageEndingWith(
            "d.properties: [backtest.slippageAtr, backtest.slippageTicks]: give at most one slippage"
                + " model");
    assertThatThrownBy(() -> read("cfg.toml", "a = 1\n"))
        .hasMessageEndingWith("cfg.toml: config must be a .properties, .yaml or .yml file");
  }

  @Test
  void shouldRejectYamlOutsideTheSubsetWithItsLine() {
    assertThatThrownBy(() -> FlatYaml.parse("strategy:\n  - rewardRisk: 2\n", "c.yaml"))
        .hasMessage(
            "c.yaml:2: only nested 'key: value' mappings are supported, was '- rewardRisk: 2'");
    assertThatThrownBy(() -> FlatYaml.parse("strategy:\n\trewardRisk: 2\n", "c.yaml"))
        .hasMessage("c.yaml:2: tabs are not allowed in YAML indentation");
    assertThatThrownBy(() -> FlatYaml.parse("a:\n  b: 1\n  b: 2\n", "c.yaml"))
        .hasMessage("c.yaml:3: a.b: key given twice");
    assertThatThrownBy(() -> FlatYaml.parse("a: [1, 2]\n", "c.yaml"))
        .hasMessage("c.yaml:1: a: only scalar values are supported, was '[1, 2]'");
    assertThatThrownBy(() -> FlatYaml.parse("rewardRisk=2\n", "c.yaml"))
        .hasMessage("c.yaml:1: expected 'key: value', was 'rewardRisk=2'");
  }

  @Test
  void shouldFlattenNestedMappingsInDocumentOrder() {
    assertThat(
            FlatYaml.parse(
                "---\nstrategy:\n  rewardRisk: 2.5\nbacktest:\n  riskUsd: '1' # one\n", "c.yaml"))
        .containsExactly(
            Map.entry("strategy.rewardRisk", "2.5"), Map.entry("backtest.riskUsd", "1"));
  }
}
