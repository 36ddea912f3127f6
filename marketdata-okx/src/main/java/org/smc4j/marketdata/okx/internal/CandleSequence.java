package org.smc4j.marketdata.okx.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.okx.CandleGap;

/**
 * Collects closed candles in ascending open-time order and checks them as they come: each must lie
 * on the timeframe's grid, have sane OHLCV values and open strictly after the previous one (an
 * equal time is a duplicate, an earlier one out of order: both fail); a jump of more than one
 * period is recorded as a {@link CandleGap}.
 */
public final class CandleSequence {

  private final String instId;
  private final Timeframe timeframe;
  private final List<CandleGap> gaps = new ArrayList<>();
  private long previousOpen;
  private boolean hasPrevious;
  private int size;
  private long[] time = new long[64];
  private double[] open = new double[64];
  private double[] high = new double[64];
  private double[] low = new double[64];
  private double[] close = new double[64];
  private double[] volume = new double[64];

  /**
   * Creates an empty sequence.
   *
   * @param instId the instrument, for messages
   * @param timeframe the candle period
   */
  public CandleSequence(String instId, Timeframe timeframe) {
    this.instId = Objects.requireNonNull(instId, "instId");
    this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
  }

  /**
   * Creates a sequence that continues after a candle already held elsewhere (e.g. the last row of a
   * file being resumed): the next candle must open after it, and a gap to it is reported.
   *
   * @param instId the instrument, for messages
   * @param timeframe the candle period
   * @param previousOpenTimeMillis the open time of the candle before the first one appended
   * @return the sequence
   */
  public static CandleSequence continuing(
      String instId, Timeframe timeframe, long previousOpenTimeMillis) {
    CandleSequence sequence = new CandleSequence(instId, timeframe);
    sequence.previousOpen = previousOpenTimeMillis;
    sequence.hasPrevious = true;
    return sequence;
  }

  /**
   * Appends one closed candle.
   *
   * @param source where it came from, for messages (e.g. the request)
   * @param row the candle
   * @throws MarketDataException naming the source, instrument, time and rule when it is misaligned,
   *     invalid, a duplicate or out of order
   */
  public void append(String source, OkxCandleRows.Row row) {
    long t = row.openTimeMillis();
    Instant at = Instant.ofEpochMilli(t);
    if (!timeframe.isAligned(t)) {
      throw new MarketDataException(
          source
              + ": "
              + instId
              + " candle "
              + at
              + " does not open on the "
              + timeframe
              + " grid");
    }
    BarArrays.ohlcvProblem(row.open(), row.high(), row.low(), row.close(), row.volume())
        .ifPresent(
            problem -> {
              throw new MarketDataException(
                  source + ": " + instId + " candle " + at + ": " + problem);
            });
    if (hasPrevious) {
      if (t == previousOpen) {
        throw new MarketDataException(source + ": " + instId + " duplicate candle open time " + at);
      }
      if (t < previousOpen) {
        throw new MarketDataException(
            source
                + ": "
                + instId
                + " candle "
                + at
                + " out of order: not after the previous candle "
                + Instant.ofEpochMilli(previousOpen));
      }
      long missing = (t - previousOpen) / timeframe.millis() - 1;
      if (missing > 0) {
        gaps.add(new CandleGap(Instant.ofEpochMilli(previousOpen), at, missing));
      }
    }
    if (size == time.length) {
      int capacity = size * 2;
      time = Arrays.copyOf(time, capacity);
      open = Arrays.copyOf(open, capacity);
      high = Arrays.copyOf(high, capacity);
      low = Arrays.copyOf(low, capacity);
      close = Arrays.copyOf(close, capacity);
      volume = Arrays.copyOf(volume, capacity);
    }
    time[size] = t;
    open[size] = row.open();
    high[size] = row.high();
    low[size] = row.low();
    close[size] = row.close();
    volume[size] = row.volume();
    size++;
    previousOpen = t;
    hasPrevious = true;
  }

  /** Returns the number of candles appended. */
  public int size() {
    return size;
  }

  /** Returns the candles appended so far as a new candle set. */
  public BarArrays bars() {
    return BarArrays.wrapUnsafe(
        timeframe,
        Arrays.copyOf(time, size),
        Arrays.copyOf(open, size),
        Arrays.copyOf(high, size),
        Arrays.copyOf(low, size),
        Arrays.copyOf(close, size),
        Arrays.copyOf(volume, size));
  }

  /** Returns the gaps found so far, in time order. */
  public List<CandleGap> gaps() {
    return List.copyOf(gaps);
  }
}
