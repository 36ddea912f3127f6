package org.smc4j.live.scan;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The {@code scan} section: which symbols and when.
 *
 * @param topN how many USDT-margined swaps to scan, ranked by 24 h quote volume
 * @param universeRefresh how often the ranking is fetched again
 * @param closeDelay how long after each 5m close the cycle starts (lets OKX confirm the candle)
 * @param backfillBars 5m candles fetched once per symbol to warm the strategy up
 * @param fetchThreads how many symbols are fetched at once (all share OKX's rate budgets)
 * @param lateRetryDelay when a symbol's newest closed candle is not the one that just closed, how
 *     long to wait before asking again
 * @param lateRetries how many times to ask again before the symbol waits for the next cycle
 * @param symbols a fixed list of instruments to scan instead of the ranking; empty for the ranking
 */
public record LoopConfig(
    int topN,
    Duration universeRefresh,
    Duration closeDelay,
    int backfillBars,
    int fetchThreads,
    Duration lateRetryDelay,
    int lateRetries,
    List<String> symbols) {

  /** Top 30 refreshed hourly, 0.5 s after each close, 1,000 bars of warm-up, 8 fetch threads. */
  public static final LoopConfig DEFAULT =
      new LoopConfig(
          30,
          Duration.ofHours(1),
          Duration.ofMillis(500),
          1000,
          8,
          Duration.ofSeconds(1),
          3,
          List.of());

  /**
   * Validates the values and copies the list.
   *
   * @throws IllegalArgumentException when a count is below its minimum or a duration is negative
   */
  public LoopConfig {
    Objects.requireNonNull(universeRefresh, "universeRefresh");
    Objects.requireNonNull(closeDelay, "closeDelay");
    Objects.requireNonNull(lateRetryDelay, "lateRetryDelay");
    symbols = List.copyOf(symbols);
    if (symbols.stream().distinct().count() != symbols.size()) {
      throw new IllegalArgumentException("symbols must not repeat, were " + symbols);
    }
    if (topN < 1 || backfillBars < 1 || fetchThreads < 1 || lateRetries < 0) {
      throw new IllegalArgumentException(
          "topN, backfillBars and fetchThreads must be >= 1 and lateRetries >= 0, were "
              + topN
              + ", "
              + backfillBars
              + ", "
              + fetchThreads
              + ", "
              + lateRetries);
    }
    if (universeRefresh.isNegative() || closeDelay.isNegative() || lateRetryDelay.isNegative()) {
      throw new IllegalArgumentException(
          "durations must not be negative, were "
              + universeRefresh
              + ", "
              + closeDelay
              + ", "
              + lateRetryDelay);
    }
  }

  /** Returns a copy with another top N. */
  public LoopConfig withTopN(int value) {
    return new LoopConfig(
        value,
        universeRefresh,
        closeDelay,
        backfillBars,
        fetchThreads,
        lateRetryDelay,
        lateRetries,
        symbols);
  }
}
