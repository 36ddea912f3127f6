package org.smc4j.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.testing.BinanceKlineCsv;
import org.smc4j.core.testing.SharedData;

class RealDataSmokeTest {

  @Test
  void shouldRunOverSixMonthsOfBtc() {
    for (String sym : new String[] {"BTCUSDT", "SOLUSDT"}) {
      BarArrays bars =
          BinanceKlineCsv.readFolder(
              SharedData.requireData("binance-usdm/" + sym + "/5m"), Timeframe.M5);
      double tick = sym.equals("BTCUSDT") ? 0.1 : 0.01;
      long t0 = System.nanoTime();
      StrategyRun run = StrategyEngine.run(bars, StrategyConfig.DEFAULT, tick);
      long t1 = System.nanoTime();
      Map<String, Integer> counts = new TreeMap<>();
      for (StrategyEvent e : run.events()) {
        String key = e.getClass().getSimpleName();
        if (e instanceof FairValueGapEvent f) {
          key += "." + f.gap().timeframe() + "." + f.change();
        } else if (e instanceof PoiDeadEvent d) {
          key += "." + d.reason();
        } else if (e instanceof EntrySignal s) {
          key += "." + s.side() + "." + s.trigger();
        } else if (e instanceof ImpulseLegEvent l) {
          key += "." + l.change();
        }
        counts.merge(key, 1, Integer::sum);
      }
      System.out.println(sym + " " + bars.size() + " bars, " + (t1 - t0) / 1e6 + " ms " + counts);
      assertThat(run.barCount()).isEqualTo(bars.size());
    }
  }
}
