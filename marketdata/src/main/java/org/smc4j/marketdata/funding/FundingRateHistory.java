package org.smc4j.marketdata.funding;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A funding-rate history: settlement times (whole seconds, strictly increasing) and their rates,
 * with lookups by settlement time. Immutable.
 */
public final class FundingRateHistory {

  private final long[] settlementMillis;
  private final double[] rates;
  private final int[] lines;

  private FundingRateHistory(long[] settlementMillis, double[] rates, int[] lines) {
    this.settlementMillis = settlementMillis;
    this.rates = rates;
    this.lines = lines;
  }

  /**
   * Creates a history from columns, copying them.
   *
   * @param settlementMillis settlement times in epoch ms, strictly increasing, whole seconds
   * @param rates the rates, finite
   * @return the history
   * @throws IllegalArgumentException when the columns differ in length, a time is not after the
   *     previous or not a whole second, or a rate is not finite
   */
  public static FundingRateHistory of(long[] settlementMillis, double[] rates) {
    int[] lines = new int[settlementMillis.length];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = i + 2;
    }
    return ofUnsafe(settlementMillis.clone(), rates.clone(), lines);
  }

  /**
   * Wraps fresh columns after checking them; for readers.
   *
   * @param settlementMillis settlement times in epoch ms
   * @param rates the rates
   * @param lines the line of each settlement in its file
   * @return the history sharing the arrays
   * @throws IllegalArgumentException as {@link #of}
   */
  static FundingRateHistory ofUnsafe(long[] settlementMillis, double[] rates, int[] lines) {
    Objects.requireNonNull(settlementMillis, "settlementMillis");
    Objects.requireNonNull(rates, "rates");
    if (rates.length != settlementMillis.length || lines.length != settlementMillis.length) {
      throw new IllegalArgumentException(
          "rates has "
              + rates.length
              + " values but settlementMillis has "
              + settlementMillis.length);
    }
    for (int i = 0; i < rates.length; i++) {
      if (!Double.isFinite(rates[i])) {
        throw new IllegalArgumentException(
            "settlement " + i + ": rate must be finite, was " + rates[i]);
      }
      if (settlementMillis[i] % 1000 != 0) {
        throw new IllegalArgumentException(
            "settlement "
                + i
                + ": time must be a whole second, was "
                + Instant.ofEpochMilli(settlementMillis[i]));
      }
      if (i > 0 && settlementMillis[i] <= settlementMillis[i - 1]) {
        throw new IllegalArgumentException(
            "settlement "
                + i
                + " ("
                + Instant.ofEpochMilli(settlementMillis[i])
                + ") is not after the previous one");
      }
    }
    return new FundingRateHistory(settlementMillis, rates, lines);
  }

  /** Returns the number of settlements. */
  public int size() {
    return rates.length;
  }

  /** Returns settlement {@code i}. */
  public FundingRate get(int i) {
    return new FundingRate(Instant.ofEpochMilli(settlementMillis[i]), rates[i]);
  }

  /** Returns the first settlement time, or empty when there is none. */
  public Optional<Instant> first() {
    return size() == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(settlementMillis[0]));
  }

  /** Returns the last settlement time, or empty when there is none. */
  public Optional<Instant> last() {
    return size() == 0
        ? Optional.empty()
        : Optional.of(Instant.ofEpochMilli(settlementMillis[size() - 1]));
  }

  /**
   * Returns the rate settled at exactly this time (after rounding it down to the second, as the
   * reader does with the venue's millisecond jitter).
   *
   * @param settlementTime a settlement time, e.g. {@code 2023-01-01T08:00:00Z}
   * @return the rate, or empty when nothing was settled then
   */
  public OptionalDouble rateAt(Instant settlementTime) {
    long key = Math.floorDiv(settlementTime.toEpochMilli(), 1000L) * 1000L;
    int i = Arrays.binarySearch(settlementMillis, key);
    return i >= 0 ? OptionalDouble.of(rates[i]) : OptionalDouble.empty();
  }

  /**
   * Returns the last settlement at or before a time (the one most recently paid).
   *
   * @param time any time
   * @return the settlement, or empty when the history starts later
   */
  public Optional<FundingRate> lastAtOrBefore(Instant time) {
    long key = time.toEpochMilli();
    int i = Arrays.binarySearch(settlementMillis, key);
    int at = i >= 0 ? i : -i - 2;
    return at < 0 ? Optional.empty() : Optional.of(get(at));
  }

  /**
   * Lists consecutive settlements whose distance is not {@code expected}.
   *
   * @param expected the venue's interval, e.g. 8 hours
   * @return the irregular intervals, in time order (empty when every step is {@code expected})
   */
  public List<FundingInterval> irregularIntervals(Duration expected) {
    long step = expected.toMillis();
    List<FundingInterval> out = new ArrayList<>();
    for (int i = 1; i < settlementMillis.length; i++) {
      if (settlementMillis[i] - settlementMillis[i - 1] != step) {
        out.add(
            new FundingInterval(
                Instant.ofEpochMilli(settlementMillis[i - 1]),
                Instant.ofEpochMilli(settlementMillis[i]),
                lines[i]));
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return size() == 0
        ? "FundingRateHistory[empty]"
        : "FundingRateHistory["
            + size()
            + " settlements, "
            + first().get()
            + " .. "
            + last().get()
            + "]";
  }
}
