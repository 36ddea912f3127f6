package org.smc4j.live.scan;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.instrument.ContractSpec;

/**
 * A market made of recorded 5m candles on a simulated clock, for {@code scan --replay}: a candle is
 * visible once its close time has passed on the clock, never earlier. The universe is ranked like
 * OKX's, by quote volume ({@code close * volume}) over the last 24 h of visible candles.
 */
public final class ReplayScanMarket implements ScanMarket {

  private static final int DAY_BARS = 288;

  private final Map<String, BarArrays> bars;
  private final Map<String, ContractSpec> specs;
  private final InstantSource clock;

  /**
   * Creates the market.
   *
   * @param bars each symbol's 5m candles
   * @param specs each symbol's contract spec
   * @param clock the simulated clock
   */
  public ReplayScanMarket(
      Map<String, BarArrays> bars, Map<String, ContractSpec> specs, InstantSource clock) {
    this.bars = new LinkedHashMap<>(bars);
    this.specs = new LinkedHashMap<>(specs);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Returns the earliest close of any symbol's first candle. */
  public long firstClose() {
    return bars.values().stream().mapToLong(b -> b.closeTimeMillis(0)).min().orElseThrow();
  }

  /** Returns the latest close of any symbol's last candle. */
  public long lastClose() {
    return bars.values().stream()
        .mapToLong(b -> b.closeTimeMillis(b.size() - 1))
        .max()
        .orElseThrow();
  }

  @Override
  public List<String> universe(int topN) {
    long now = clock.millis();
    record Ranked(String symbol, double quoteVolume) {}
    List<Ranked> ranked = new ArrayList<>();
    for (Map.Entry<String, BarArrays> e : bars.entrySet()) {
      BarArrays b = e.getValue();
      int end = visible(b, now);
      if (end == 0) {
        continue;
      }
      double quote = 0;
      for (int i = Math.max(0, end - DAY_BARS); i < end; i++) {
        quote += b.close(i) * b.volume(i);
      }
      ranked.add(new Ranked(e.getKey(), quote));
    }
    ranked.sort(
        Comparator.comparingDouble(Ranked::quoteVolume).reversed().thenComparing(Ranked::symbol));
    return ranked.stream().limit(topN).map(Ranked::symbol).toList();
  }

  @Override
  public ContractSpec spec(String symbol) {
    ContractSpec spec = specs.get(symbol);
    if (spec == null) {
      throw new IllegalStateException(symbol + ": no contract spec");
    }
    return spec;
  }

  @Override
  public BarArrays latestClosed(String symbol, int count) {
    BarArrays b = bars.get(symbol);
    if (b == null) {
      throw new IllegalStateException(symbol + ": no candles");
    }
    int end = visible(b, clock.millis());
    return b.slice(Math.max(0, end - count), end);
  }

  /** Returns how many candles have closed by {@code now} (binary search on close times). */
  private static int visible(BarArrays b, long now) {
    int lo = 0;
    int hi = b.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (b.closeTimeMillis(mid) <= now) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Override
  public void close() {}
}
