package org.smc4j.core.ta4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.engine.StrategyEngine;
import org.smc4j.core.engine.StrategyEvent;
import org.smc4j.core.testing.BinanceKlineCsv;
import org.smc4j.core.testing.SharedData;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.NumFactory;

/**
 * The swing-only indicators on six months of real Binance 5m candles: at every bar they equal the
 * strategy engine's 5m swings (values and stamps), on a series grown bar by bar they equal the full
 * series at every bar without reading ahead, and so do they on prefixes cut at a few places.
 */
class SwingSeriesRealDataTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({"BTCUSDT, 0.1", "SOLUSDT, 0.01"})
  void shouldEqualTheEnginesFiveMinuteSwingsAndNeverDependOnLaterBars(String symbol, double tick) {
    BarArrays five =
        BinanceKlineCsv.readFolder(
            SharedData.requireData("binance-usdm/" + symbol + "/5m"), Timeframe.M5);
    int n = five.size();
    NumFactory f = DoubleNumFactory.getInstance();
    BarSeries series = BarSeriesFactory.of(five, symbol, f);
    List<StrategyEvent> events = StrategyEngine.run(five, StrategyConfig.DEFAULT, tick).events();
    SwingSeries full = SwingSeries.of(series, 2, 2);
    SwingPointIndicator high = SwingPointIndicator.high(full);
    SwingPointIndicator low = SwingPointIndicator.low(full);
    SwingSeriesProperties.assertEqualsEngine(high, low, events, n);

    BarSeries growing = new BaseBarSeriesBuilder().withName("growing").withNumFactory(f).build();
    SwingSeries live = SwingSeries.of(growing, 2, 2);
    SwingPointIndicator liveHigh = SwingPointIndicator.high(live);
    SwingPointIndicator liveLow = SwingPointIndicator.low(live);
    for (int k = 0; k < n; k++) {
      BarSeriesFactory.append(growing, five, k, k + 1);
      assertThat(liveHigh.swingAt(k)).as("high at %d, growing", k).isEqualTo(high.swingAt(k));
      assertThat(liveLow.swingAt(k)).as("low at %d, growing", k).isEqualTo(low.swingAt(k));
      assertThat(live.processedIndex()).isEqualTo(k);
    }

    for (int m : new int[] {1, 5, n / 3, n / 3 + 1, n / 2 + 7, n - 1}) {
      SwingSeries prefix = SwingSeries.of(series.getSubSeries(0, m), 2, 2);
      SwingPointIndicator prefixHigh = SwingPointIndicator.high(prefix);
      SwingPointIndicator prefixLow = SwingPointIndicator.low(prefix);
      // the last 2,000 bars of each prefix: where a value could lean on bars after the cut
      for (int i = Math.max(0, m - 2000); i < m; i++) {
        assertThat(prefixHigh.swingAt(i)).as("high at %d of %d", i, m).isEqualTo(high.swingAt(i));
        assertThat(prefixLow.swingAt(i)).as("low at %d of %d", i, m).isEqualTo(low.swingAt(i));
      }
    }
  }
}
