package org.smc4j.backtest.funding;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Funding rates from an exchange history, per symbol, keyed by settlement time on the {@link
 * FundingSchedule} grid (exchange timestamps carry a few ms of jitter and are floored to the grid).
 * A settlement missing from the history (another symbol, or outside the file's period) uses the
 * fallback model and is counted in {@link #fallbackCount()}, so a report can say how many charges
 * were not historical.
 */
public final class HistoricalFundingModel implements FundingModel {

  private final Map<String, long[]> times;
  private final Map<String, double[]> rates;
  private final FundingModel fallback;
  private final AtomicLong fallbackCount = new AtomicLong();

  private HistoricalFundingModel(
      Map<String, long[]> times, Map<String, double[]> rates, FundingModel fallback) {
    this.times = times;
    this.rates = rates;
    this.fallback = fallback;
  }

  /**
   * Builds the model from per-symbol histories.
   *
   * @param histories per symbol, rates by exchange funding time (epoch ms, may carry jitter)
   * @param schedule the settlement grid the times are floored to
   * @param fallback the model used for settlements the history does not cover
   * @return the model
   * @throws IllegalArgumentException when a rate is not finite, or two times of one symbol fall on
   *     the same settlement
   */
  public static HistoricalFundingModel of(
      Map<String, ? extends Map<Long, Double>> histories,
      FundingSchedule schedule,
      FundingModel fallback) {
    Objects.requireNonNull(histories, "histories");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(fallback, "fallback");
    Map<String, long[]> times = new TreeMap<>();
    Map<String, double[]> rates = new TreeMap<>();
    for (Map.Entry<String, ? extends Map<Long, Double>> e : histories.entrySet()) {
      TreeMap<Long, Double> grid = new TreeMap<>();
      for (Map.Entry<Long, Double> r : e.getValue().entrySet()) {
        double rate = r.getValue();
        if (!Double.isFinite(rate)) {
          throw new IllegalArgumentException(
              "funding rate of " + e.getKey() + " at " + r.getKey() + " is not finite: " + rate);
        }
        long settlement = schedule.floor(r.getKey());
        if (grid.put(settlement, rate) != null) {
          throw new IllegalArgumentException(
              "funding history of "
                  + e.getKey()
                  + " has two rates for the settlement at "
                  + java.time.Instant.ofEpochMilli(settlement));
        }
      }
      long[] t = new long[grid.size()];
      double[] v = new double[grid.size()];
      int k = 0;
      for (Map.Entry<Long, Double> g : grid.entrySet()) {
        t[k] = g.getKey();
        v[k++] = g.getValue();
      }
      times.put(e.getKey(), t);
      rates.put(e.getKey(), v);
    }
    return new HistoricalFundingModel(times, rates, fallback);
  }

  @Override
  public double rate(String symbol, long settlementMillis) {
    Objects.requireNonNull(symbol, "symbol");
    long[] t = times.get(symbol);
    if (t != null) {
      int k = Arrays.binarySearch(t, settlementMillis);
      if (k >= 0) {
        return rates.get(symbol)[k];
      }
    }
    fallbackCount.incrementAndGet();
    return fallback.rate(symbol, settlementMillis);
  }

  /** Tells whether the history has any rate for {@code symbol}. */
  public boolean covers(String symbol) {
    return times.containsKey(symbol);
  }

  /** Returns how many settlements so far were priced by the fallback model. */
  public long fallbackCount() {
    return fallbackCount.get();
  }
}
