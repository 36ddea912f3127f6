package org.smc4j.core.ta4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.engine.StrategyEngine;
import org.smc4j.core.engine.StrategyRun;
import org.smc4j.core.testing.BinanceKlineCsv;
import org.smc4j.core.testing.SharedData;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;

/**
 * The ta4j adapters on six months of real Binance 5m candles: every indicator equals the primitive
 * engine's events at every bar, and on prefix sub-series cut on signal bars (and the bar after) the
 * values of the last 2,000 bars equal the full series' values.
 */
class Ta4jRealDataTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({"BTCUSDT, 0.1", "SOLUSDT, 0.01"})
  void shouldEqualThePrimitivePathAndNeverDependOnLaterBars(String symbol, double tick) {
    BarArrays five =
        BinanceKlineCsv.readFolder(
            SharedData.requireData("binance-usdm/" + symbol + "/5m"), Timeframe.M5);
    int n = five.size();
    BarSeries series = BarSeriesFactory.of(five, symbol, DoubleNumFactory.getInstance());
    StrategySeries smc = StrategySeries.of(series, StrategyConfig.DEFAULT, tick);
    StrategyRun run = StrategyEngine.run(five, StrategyConfig.DEFAULT, tick);

    for (IndicatorProbes.Probe p : IndicatorProbes.probes(smc, run, n)) {
      int withValue = 0;
      for (int i = 0; i < n; i++) {
        Num v = p.indicator().getValue(i);
        if (p.expected()[i].isEmpty()) {
          assertThat(v.isNaN()).as("%s at %d: %s", p.name(), i, v).isTrue();
        } else {
          assertThat(v.doubleValue())
              .as("%s at %d", p.name(), i)
              .isEqualTo(p.expected()[i].getAsDouble());
          withValue++;
        }
      }
      assertThat(withValue).as("%s has values on real data", p.name()).isPositive();
    }

    List<Indicator<Num>> all = IndicatorProbes.indicators(smc);
    List<EntrySignal> signals = run.signals();
    for (int s = 0; s < signals.size(); s += signals.size() / 3) {
      int cut = signals.get(s).signalIndex();
      for (int m : new int[] {cut, cut + 1}) {
        StrategySeries prefix =
            StrategySeries.of(series.getSubSeries(0, m), StrategyConfig.DEFAULT, tick);
        List<Indicator<Num>> prefixAll = IndicatorProbes.indicators(prefix);
        // the last 2,000 bars of each prefix: where a value could lean on bars after the cut
        for (int i = Math.max(0, m - 2000); i < m; i++) {
          for (int j = 0; j < all.size(); j++) {
            assertThat(IndicatorProbes.same(prefixAll.get(j).getValue(i), all.get(j).getValue(i)))
                .as("%s at %d on the prefix of %d bars", all.get(j), i, m)
                .isTrue();
          }
        }
      }
    }
  }
}
