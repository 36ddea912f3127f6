package org.smc4j.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.testing.BinanceKlineCsv;
import org.smc4j.core.testing.CandleAggregation;
import org.smc4j.core.testing.SharedData;

/**
 * Sanity against STRATEGY.md: "about 5-8 signals per symbol per week" on liquid USDT perpetuals.
 * Six months (26 weeks) of real Binance 5m data should give roughly 130-210 signals; the band
 * checked here is a little wider (100-260) so it flags a broken rule, not normal variation.
 */
class SignalFrequencyTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({"BTCUSDT, 0.1", "SOLUSDT, 0.01"})
  void shouldGiveAboutFiveToEightSignalsPerWeekOnRealData(String symbol, double tick) {
    BarArrays five =
        BinanceKlineCsv.readFolder(
            SharedData.requireData("binance-usdm/" + symbol + "/5m"), Timeframe.M5);
    StrategyRun run = StrategyEngine.run(five, StrategyConfig.DEFAULT, tick);
    double weeks = five.size() / (12.0 * 24 * 7);
    int signals = run.signals().size();
    System.out.printf(
        "%s: %d 5m bars (%.1f weeks), %d signals = %.1f per week%n",
        symbol, five.size(), weeks, signals, signals / weeks);
    assertThat(signals).isBetween(100, 260);

    StrategyRun supplied =
        StrategyEngine.run(
            five, CandleAggregation.toFifteenMinutes(five), StrategyConfig.DEFAULT, tick);
    assertThat(supplied.events()).isEqualTo(run.events());
  }
}
