package org.smc4j.backtest.replay;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.engine.PoiDeadEvent;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.engine.StrategyEngine;
import org.smc4j.core.engine.StrategyEventKind;
import org.smc4j.core.engine.StrategyEventListener;
import org.smc4j.trading.plan.EntrySignalAdapter;

/**
 * Streams a symbol's 5m candles, one {@link StrategyEngine#onBar} call per closed candle, through
 * the live scanner's strategy engine (15m context derived from the 5m candles) and keeps the entry
 * signals and POI deaths, stamped with the bar at whose close they became known.
 *
 * @param config the strategy parameters
 */
public record StrategyEngineSignalSource(StrategyConfig config) implements SignalSource {

  private static final int PROGRESS_EVERY = 4096;

  /** Validates that the config is given. */
  public StrategyEngineSignalSource {
    Objects.requireNonNull(config, "config");
  }

  @Override
  public List<ReplayEvent> events(
      String symbol, BarArrays fiveMinute, double tickSize, IntConsumer progress) {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(progress, "progress");
    if (!fiveMinute.timeframe().equals(Timeframe.M5)) {
      throw new IllegalArgumentException(
          symbol + ": the strategy needs 5m candles, was " + fiveMinute.timeframe());
    }
    List<ReplayEvent> events = new ArrayList<>();
    int[] current = {0};
    // only signals and POI deaths matter here: the engine builds no swing, break, leg or gap events
    StrategyEngine engine =
        new StrategyEngine(
            config,
            tickSize,
            StrategyEventListener.only(
                EnumSet.of(StrategyEventKind.POI, StrategyEventKind.ENTRY_SIGNAL),
                event -> {
                  if (event instanceof EntrySignal s) {
                    events.add(
                        new ReplayEvent.Signal(current[0], EntrySignalAdapter.toPlan(symbol, s)));
                  } else if (event instanceof PoiDeadEvent d) {
                    events.add(
                        new ReplayEvent.PoiDeath(current[0], d.poi().id(), d.reason().name()));
                  }
                }));
    long[] t = fiveMinute.openTimeMillisUnsafe();
    double[] o = fiveMinute.openUnsafe();
    double[] h = fiveMinute.highUnsafe();
    double[] l = fiveMinute.lowUnsafe();
    double[] c = fiveMinute.closeUnsafe();
    double[] v = fiveMinute.volumeUnsafe();
    int n = t.length;
    for (int i = 0; i < n; i++) {
      current[0] = i;
      engine.onBar(t[i], o[i], h[i], l[i], c[i], v[i]);
      if ((i + 1) % PROGRESS_EVERY == 0) {
        progress.accept(PROGRESS_EVERY);
      }
    }
    progress.accept(n % PROGRESS_EVERY);
    return events;
  }
}
