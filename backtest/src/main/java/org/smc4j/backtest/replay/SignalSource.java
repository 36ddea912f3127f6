package org.smc4j.backtest.replay;

import java.util.List;
import java.util.function.IntConsumer;
import org.smc4j.core.bar.BarArrays;

/**
 * Produces the strategy's events over one symbol's 5m candles. The default, {@link
 * StrategyEngineSignalSource}, streams the candles through the same {@link
 * org.smc4j.core.engine.StrategyEngine} the live scanner uses. Implementations must be safe to call
 * for different symbols from different threads.
 */
public interface SignalSource {

  /**
   * Replays one symbol.
   *
   * @param symbol the instrument
   * @param fiveMinute its 5m candles
   * @param tickSize its tick size
   * @param progress told how many further bars were processed, now and then
   * @return the events in the order they became known
   */
  List<ReplayEvent> events(
      String symbol, BarArrays fiveMinute, double tickSize, IntConsumer progress);
}
