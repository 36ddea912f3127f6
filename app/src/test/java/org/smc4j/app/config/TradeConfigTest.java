package org.smc4j.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.smc4j.exchange.okx.execution.ReconciliationSchedule;
import org.smc4j.exchange.okx.model.MarginMode;

class TradeConfigTest {

  @Test
  void shouldDefaultToPaperAndCrossMargin() {
    TradeConfig d = ConfigLoader.parse("", "smc4j.yaml").trade();

    assertThat(d).isEqualTo(TradeConfig.DEFAULT);
    assertThat(d.mode()).isEqualTo(TradeMode.PAPER);
    assertThat(d.marginMode()).isEqualTo(MarginMode.CROSS);
    assertThat(d.unprotectedDeadline()).isEqualTo(Duration.ofSeconds(10));
    assertThat(d.reconcile()).isEqualTo(ReconciliationSchedule.DEFAULT);
    assertThat(d.deadManSwitch()).isFalse();
  }

  @Test
  void shouldReadTheTradeSection() {
    TradeConfig t =
        ConfigLoader.parse(
                """
                trade:
                  mode: live
                  margin-mode: isolated
                  unprotected-deadline: 5s
                  entry-validity: 2m
                  reconcile: {unsettled: 1s, positions-open: 2s, idle: 30s, ledger: 90s}
                  dead-man-switch: true
                """,
                "smc4j.yaml")
            .trade();

    assertThat(t)
        .isEqualTo(
            new TradeConfig(
                TradeMode.LIVE,
                MarginMode.ISOLATED,
                Duration.ofSeconds(5),
                Duration.ofMinutes(2),
                new ReconciliationSchedule(
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(90)),
                true));
  }

  @Test
  void shouldNameTheKeyOfABadMode() {
    assertThatThrownBy(() -> ConfigLoader.parse("trade: {mode: real}\n", "smc4j.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("smc4j.yaml: trade.mode: must be one of [paper, demo, live], was 'real'");
  }

  @Test
  void shouldRefuseAnUnknownTradeKey() {
    assertThatThrownBy(() -> ConfigLoader.parse("trade: {live: true}\n", "smc4j.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("trade.live");
  }

  @Test
  void shouldNameTheKeyOfABadReconcileInterval() {
    assertThatThrownBy(() -> ConfigLoader.parse("trade: {reconcile: {idle: 10ms}}\n", "smc4j.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("smc4j.yaml: trade.reconcile.idle: must be >= ");
  }

  @Test
  void shouldRefuseANonPositiveDeadline() {
    assertThatThrownBy(
            () ->
                new TradeConfig(
                    TradeMode.DEMO,
                    MarginMode.CROSS,
                    Duration.ZERO,
                    Duration.ofMinutes(5),
                    ReconciliationSchedule.DEFAULT,
                    false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unprotectedDeadline must be > 0, was PT0S");
  }

  @Test
  void shouldPrintTheSectionSoThatItReadsBack() {
    Smc4jConfig c =
        Smc4jConfig.DEFAULT.withTrade(
            new TradeConfig(
                TradeMode.LIVE,
                MarginMode.ISOLATED,
                Duration.ofSeconds(7),
                Duration.ofMinutes(3),
                new ReconciliationSchedule(
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(4),
                    Duration.ofSeconds(8),
                    Duration.ofSeconds(16)),
                true));

    assertThat(ConfigLoader.parse(ConfigPrinter.toYaml(c, null), "printed").trade())
        .isEqualTo(c.trade());
  }
}
