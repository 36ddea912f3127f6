package org.smc4j.exchange.okx.execution;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import org.smc4j.exchange.okx.model.MarginMode;
import org.smc4j.exchange.okx.rate.Backoff;

/**
 * How the executor trades.
 *
 * @param tdMode the margin mode of every order
 * @param unprotectedDeadline how long a position may lack a confirmed stop before it is flattened
 * @param expTimeMargin how long past an order's {@code expTime} to wait before querying it
 * @param marketPollInterval how often a market entry is polled until it is terminal
 * @param marketPolls at most this many polls, then the remainder is cancelled
 * @param unknownKillAfter an order still unknown this long after its intent trips level 1
 * @param dailyLossLimit the daily loss limit in quote currency, {@code > 0}
 * @param maxOpenTrades the most trades counting as open (pending entries and orphans included)
 * @param orphanPolicy what to do with a position the journal cannot explain
 * @param backoff the backoff of rate-limited requests
 * @param seed the seed of the backoff's jitter
 * @param leverage how the leverage of each instrument is chosen before its first entry
 */
public record ExecutionSettings(
    MarginMode tdMode,
    Duration unprotectedDeadline,
    Duration expTimeMargin,
    Duration marketPollInterval,
    int marketPolls,
    Duration unknownKillAfter,
    BigDecimal dailyLossLimit,
    int maxOpenTrades,
    OrphanPolicy orphanPolicy,
    Backoff backoff,
    long seed,
    LeveragePolicy leverage) {

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming the setting that is not positive
   */
  public ExecutionSettings {
    Objects.requireNonNull(tdMode, "tdMode");
    Objects.requireNonNull(unprotectedDeadline, "unprotectedDeadline");
    Objects.requireNonNull(expTimeMargin, "expTimeMargin");
    Objects.requireNonNull(marketPollInterval, "marketPollInterval");
    Objects.requireNonNull(unknownKillAfter, "unknownKillAfter");
    Objects.requireNonNull(dailyLossLimit, "dailyLossLimit");
    Objects.requireNonNull(orphanPolicy, "orphanPolicy");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(leverage, "leverage");
    positive("unprotectedDeadline", unprotectedDeadline);
    positive("marketPollInterval", marketPollInterval);
    positive("unknownKillAfter", unknownKillAfter);
    if (expTimeMargin.isNegative()) {
      throw new IllegalArgumentException("expTimeMargin must be >= 0, was " + expTimeMargin);
    }
    if (marketPolls < 1) {
      throw new IllegalArgumentException("marketPolls must be >= 1, was " + marketPolls);
    }
    if (dailyLossLimit.signum() <= 0) {
      throw new IllegalArgumentException(
          "dailyLossLimit must be > 0, was " + dailyLossLimit.toPlainString());
    }
    if (maxOpenTrades < 1) {
      throw new IllegalArgumentException("maxOpenTrades must be >= 1, was " + maxOpenTrades);
    }
  }

  /**
   * Creates settings with the {@link LeveragePolicy#DEFAULT} leverage policy (the form before the
   * policy was a setting).
   *
   * @param tdMode the margin mode of every order
   * @param unprotectedDeadline how long a position may lack a confirmed stop before it is flattened
   * @param expTimeMargin how long past an order's {@code expTime} to wait before querying it
   * @param marketPollInterval how often a market entry is polled until it is terminal
   * @param marketPolls at most this many polls, then the remainder is cancelled
   * @param unknownKillAfter an order still unknown this long after its intent trips level 1
   * @param dailyLossLimit the daily loss limit in quote currency, {@code > 0}
   * @param maxOpenTrades the most trades counting as open (pending entries and orphans included)
   * @param orphanPolicy what to do with a position the journal cannot explain
   * @param backoff the backoff of rate-limited requests
   * @param seed the seed of the backoff's jitter
   */
  public ExecutionSettings(
      MarginMode tdMode,
      Duration unprotectedDeadline,
      Duration expTimeMargin,
      Duration marketPollInterval,
      int marketPolls,
      Duration unknownKillAfter,
      BigDecimal dailyLossLimit,
      int maxOpenTrades,
      OrphanPolicy orphanPolicy,
      Backoff backoff,
      long seed) {
    this(
        tdMode,
        unprotectedDeadline,
        expTimeMargin,
        marketPollInterval,
        marketPolls,
        unknownKillAfter,
        dailyLossLimit,
        maxOpenTrades,
        orphanPolicy,
        backoff,
        seed,
        LeveragePolicy.DEFAULT);
  }

  /**
   * Returns the defaults of OKX-TRADING.md section 15: cross margin, 10 s unprotected deadline, 1 s
   * past {@code expTime}, market entries polled every 200 ms up to 25 times, unknown orders trip
   * level 1 after 60 s, orphans alert and stop, {@link LeveragePolicy#DEFAULT}.
   *
   * @param dailyLossLimit the daily loss limit
   * @param maxOpenTrades the most open trades
   * @return the settings
   */
  public static ExecutionSettings defaults(BigDecimal dailyLossLimit, int maxOpenTrades) {
    return new ExecutionSettings(
        MarginMode.CROSS,
        Duration.ofSeconds(10),
        Duration.ofSeconds(1),
        Duration.ofMillis(200),
        25,
        Duration.ofSeconds(60),
        dailyLossLimit,
        maxOpenTrades,
        OrphanPolicy.ALERT_AND_STOP,
        Backoff.DEFAULT,
        1L,
        LeveragePolicy.DEFAULT);
  }

  /**
   * Returns a copy with another orphan policy.
   *
   * @param policy the policy
   * @return the copy
   */
  public ExecutionSettings withOrphanPolicy(OrphanPolicy policy) {
    return new ExecutionSettings(
        tdMode,
        unprotectedDeadline,
        expTimeMargin,
        marketPollInterval,
        marketPolls,
        unknownKillAfter,
        dailyLossLimit,
        maxOpenTrades,
        policy,
        backoff,
        seed,
        leverage);
  }

  /**
   * Returns a copy with another leverage policy.
   *
   * @param policy the policy
   * @return the copy
   */
  public ExecutionSettings withLeverage(LeveragePolicy policy) {
    return new ExecutionSettings(
        tdMode,
        unprotectedDeadline,
        expTimeMargin,
        marketPollInterval,
        marketPolls,
        unknownKillAfter,
        dailyLossLimit,
        maxOpenTrades,
        orphanPolicy,
        backoff,
        seed,
        policy);
  }

  private static void positive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be > 0, was " + value);
    }
  }
}
