package org.smc4j.benchmarks.trade;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.live.scan.ScanMarket;

/**
 * A scan market over real candles moved in time: each symbol's candles are answered as the newest
 * closed ones by the market's clock, after a fixed delay per request (the exchange's answer time),
 * so the scan loop sees a live market whose next candle closes when the harness says.
 */
final class ShiftedCandleMarket implements ScanMarket {

  private final List<String> symbols;
  private final Map<String, ContractSpec> specs;
  private final Map<String, BarArrays> bars;
  private final InstantSource clock;
  private final Duration delay;

  /**
   * Creates the market.
   *
   * @param symbols the universe, best first
   * @param specs each symbol's contract spec
   * @param bars each symbol's 5m candles, already moved to the market's time
   * @param clock the market's time: a candle is answered once its close is not after it
   * @param delay how long each answer takes
   */
  ShiftedCandleMarket(
      List<String> symbols,
      Map<String, ContractSpec> specs,
      Map<String, BarArrays> bars,
      InstantSource clock,
      Duration delay) {
    this.symbols = List.copyOf(symbols);
    this.specs = Map.copyOf(specs);
    this.bars = Map.copyOf(bars);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.delay = Objects.requireNonNull(delay, "delay");
  }

  @Override
  public List<String> universe(int topN) {
    pause();
    return symbols.subList(0, Math.min(topN, symbols.size()));
  }

  @Override
  public ContractSpec spec(String symbol) {
    ContractSpec spec = specs.get(symbol);
    if (spec == null) {
      throw new IllegalStateException("the market does not list " + symbol);
    }
    return spec;
  }

  @Override
  public BarArrays latestClosed(String symbol, int count) {
    pause();
    BarArrays b = bars.get(symbol);
    if (b == null) {
      throw new IllegalStateException("the market does not list " + symbol);
    }
    long now = clock.millis();
    long[] t = b.openTimeMillisUnsafe();
    long period = Timeframe.M5.millis();
    int end = 0;
    while (end < t.length && t[end] + period <= now) {
      end++;
    }
    int from = Math.max(0, end - count);
    return BarArrays.wrapUnsafe(
        Timeframe.M5,
        Arrays.copyOfRange(t, from, end),
        Arrays.copyOfRange(b.openUnsafe(), from, end),
        Arrays.copyOfRange(b.highUnsafe(), from, end),
        Arrays.copyOfRange(b.lowUnsafe(), from, end),
        Arrays.copyOfRange(b.closeUnsafe(), from, end),
        Arrays.copyOfRange(b.volumeUnsafe(), from, end));
  }

  @Override
  public void close() {
    // nothing held
  }

  private void pause() {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while answering", e);
    }
  }
}
