package org.smc4j.backtest.funding;

/**
 * The funding settlement grid: every {@code intervalMillis} from 00:00 UTC (8 h: 00, 08, 16 UTC).
 *
 * @param intervalMillis the settlement interval in ms; divides one day
 */
public record FundingSchedule(long intervalMillis) {

  /** Settlements at 00:00, 08:00 and 16:00 UTC, as on Binance, OKX and Bybit. */
  public static final FundingSchedule EIGHT_HOURS = new FundingSchedule(8 * 3_600_000L);

  private static final long DAY_MILLIS = 86_400_000L;

  /**
   * Validates the interval.
   *
   * @throws IllegalArgumentException when the interval is not positive or does not divide a day
   */
  public FundingSchedule {
    if (intervalMillis <= 0 || DAY_MILLIS % intervalMillis != 0) {
      throw new IllegalArgumentException(
          "intervalMillis must be positive and divide one day, was " + intervalMillis);
    }
  }

  /**
   * Returns the first settlement strictly after {@code timeMillis}: a position filled at {@code
   * timeMillis} is first charged then (a fill exactly at a settlement does not pay for it).
   *
   * @param timeMillis a time in epoch ms
   * @return the next settlement, epoch ms
   */
  public long nextAfter(long timeMillis) {
    return Math.floorDiv(timeMillis, intervalMillis) * intervalMillis + intervalMillis;
  }

  /**
   * Returns the settlement at or before {@code timeMillis}; used to join jittered exchange
   * timestamps (e.g. {@code 08:00:00.008}) to the grid.
   *
   * @param timeMillis a time in epoch ms
   * @return the settlement, epoch ms
   */
  public long floor(long timeMillis) {
    return Math.floorDiv(timeMillis, intervalMillis) * intervalMillis;
  }
}
