package org.smc4j.app.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.app.config.Smc4jConfig;
import org.smc4j.app.config.TradeConfig;
import org.smc4j.app.config.TradeMode;
import org.smc4j.exchange.okx.auth.OkxCredentials;
import org.smc4j.exchange.okx.execution.CrashPoints;
import org.smc4j.live.scan.CrashPoint;

class ExchangeTradeJobTest {

  @TempDir Path dir;

  private static Smc4jConfig allowing(TradeMode mode) {
    TradeConfig d = TradeConfig.DEFAULT;
    return Smc4jConfig.DEFAULT.withTrade(
        new TradeConfig(
            mode,
            d.marginMode(),
            d.unprotectedDeadline(),
            d.entryValidity(),
            d.reconcile(),
            d.deadManSwitch()));
  }

  @Test
  void liveIsRefusedUnlessTheConfigurationSaysLive() {
    assertThat(ExchangeTradeJob.gate(allowing(TradeMode.PAPER), TradeMode.LIVE))
        .contains(
            "--mode live is refused: the configuration must say trade.mode: live (it says paper);"
                + " run --mode demo first and see the README's demo checklist");
    assertThat(ExchangeTradeJob.gate(allowing(TradeMode.DEMO), TradeMode.LIVE)).isPresent();
    assertThat(ExchangeTradeJob.gate(allowing(TradeMode.LIVE), TradeMode.LIVE)).isEmpty();
  }

  @Test
  void demoRunsWhateverTheConfigurationSays() {
    for (TradeMode allowed : TradeMode.values()) {
      assertThat(ExchangeTradeJob.gate(allowing(allowed), TradeMode.DEMO)).isEmpty();
    }
  }

  @Test
  void aRefusedLiveRunSendsNothingAndCreatesNoJournal() throws Exception {
    StringWriter out = new StringWriter();
    ExchangeTradeJob.Request request =
        new ExchangeTradeJob.Request(
            allowing(TradeMode.DEMO),
            TradeMode.LIVE,
            OkxCredentials.of("k", "s", "p"),
            dir.resolve("bot.sqlite"),
            Clock.systemUTC(),
            true,
            List.of(),
            Optional.empty(),
            CrashPoints.NONE);

    ExchangeTradeJob.Outcome outcome =
        ExchangeTradeJob.run(request, () -> false, new PrintWriter(out));

    assertThat(outcome).isInstanceOf(ExchangeTradeJob.Refused.class);
    assertThat(((ExchangeTradeJob.Refused) outcome).reason()).contains("trade.mode: live");
    assertThat(out.toString()).isEmpty();
    assertThat(dir.resolve("bot.sqlite")).doesNotExist();
  }

  @Test
  void theJobIsNotForPaper() {
    assertThatThrownBy(
            () ->
                new ExchangeTradeJob.Request(
                    Smc4jConfig.DEFAULT,
                    TradeMode.PAPER,
                    OkxCredentials.of("k", "s", "p"),
                    dir.resolve("bot.sqlite"),
                    Clock.systemUTC(),
                    true,
                    List.of(),
                    Optional.empty(),
                    CrashPoints.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mode must be demo or live, was paper");
  }

  @Test
  void theCrashHookIsArmedOnlyByTheProperty() {
    assertThat(System.getProperty(CrashPoint.PROPERTY)).isNull();
    assertThat(ExchangeTradeJob.crashPointsFromProperty()).isSameAs(CrashPoints.NONE);
    System.setProperty(CrashPoint.PROPERTY, "entry-answered");
    try {
      CrashPoints hook = ExchangeTradeJob.crashPointsFromProperty();
      assertThat(hook).isNotSameAs(CrashPoints.NONE);
      hook.reached("intent-committed"); // another point: returns, the JVM goes on
    } finally {
      System.clearProperty(CrashPoint.PROPERTY);
    }
  }
}
