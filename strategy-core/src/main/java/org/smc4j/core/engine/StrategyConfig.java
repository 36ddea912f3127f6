package org.smc4j.core.engine;

/**
 * Every parameter of the strategy (STRATEGY.md sections 1-7), immutable and validated. {@link
 * #DEFAULT} holds the documented defaults; {@code withX} methods return modified copies. The tick
 * size is not here: it belongs to the instrument and is passed to {@link StrategyEngine}.
 *
 * @param swing15Left the 15m swing lookback to the left, L (section 1) (default 3)
 * @param swing15Right the 15m swing lookback to the right, R; a 15m swing is known R bars after its
 *     pivot (default 3)
 * @param swing5Left the 5m swing lookback to the left (default 2)
 * @param swing5Right the 5m swing lookback to the right (default 2)
 * @param confirmBars consecutive 15m closes beyond the candidate level needed for a break (section
 *     2) (default 1)
 * @param minBreakAtr minimum {@code close - level} at the break, in 15m ATRs (default 0.1)
 * @param continuationOnly when true only BOS legs produce POIs (CHoCH legs are tracked but get
 *     none) (default false)
 * @param fibZoneStart the zone edge nearer the leg end; also the retracement that freezes the leg
 *     (section 3) (default 0.5)
 * @param fibGolden the golden-pocket ratio used by the POI tie-break and confidence point 3
 *     (default 0.618)
 * @param fibZoneEnd the zone edge nearer the leg start (default 0.786)
 * @param minGapAtr minimum fair value gap size in ATRs of its own timeframe (section 4) (default
 *     0.05)
 * @param poiMaxAgeBars 15m bars after arming at whose close a POI dies of age (section 5) (default
 *     48)
 * @param stopBufferTicks stop buffer floor in ticks: buffer = max(ticks * tick, atr * 5m ATR)
 *     (section 6) (default 2)
 * @param stopBufferAtr stop buffer in 5m ATRs at the signal bar (default 0.1)
 * @param rewardRisk target distance as a multiple of the planned risk, {@code rr} (default 2.0)
 * @param secondTarget whether signals carry the optional second target at the leg end (default
 *     false)
 * @param decisiveBreakAtr 15m ATRs a break close must clear for confidence point 1 (section 7)
 *     (default 0.25)
 * @param retestAtr 15m ATRs (at arming) within which the broken level counts as retested, point 4
 *     (default 0.25)
 * @param atrPeriod the Wilder ATR period of both timeframes; the first ATR is at bar {@code
 *     atrPeriod - 1} (default 14)
 */
public record StrategyConfig(
    int swing15Left,
    int swing15Right,
    int swing5Left,
    int swing5Right,
    int confirmBars,
    double minBreakAtr,
    boolean continuationOnly,
    double fibZoneStart,
    double fibGolden,
    double fibZoneEnd,
    double minGapAtr,
    int poiMaxAgeBars,
    double stopBufferTicks,
    double stopBufferAtr,
    double rewardRisk,
    boolean secondTarget,
    double decisiveBreakAtr,
    double retestAtr,
    int atrPeriod) {

  /** The documented defaults: 15m L=R=3, 5m L=R=2, one confirming close, 0.1 ATR, etc. */
  public static final StrategyConfig DEFAULT =
      new StrategyConfig(
          3, 3, 2, 2, 1, 0.1, false, 0.5, 0.618, 0.786, 0.05, 48, 2, 0.1, 2.0, false, 0.25, 0.25,
          14);

  /** The largest accepted swing lookback, bar count or ATR period (guards absurd buffer sizes). */
  public static final int MAX_BARS = 10_000;

  /**
   * Validates every parameter.
   *
   * @throws IllegalArgumentException naming the parameter, its value and the rule, e.g. {@code
   *     swing15Left must be >= 1, was 0}
   */
  public StrategyConfig {
    checkBars("swing15Left", swing15Left, 1);
    checkBars("swing15Right", swing15Right, 1);
    checkBars("swing5Left", swing5Left, 1);
    checkBars("swing5Right", swing5Right, 1);
    checkBars("confirmBars", confirmBars, 1);
    checkNonNegative("minBreakAtr", minBreakAtr);
    if (!(fibZoneStart > 0 && fibZoneStart < 1)) {
      throw new IllegalArgumentException("fibZoneStart must be > 0 and < 1, was " + fibZoneStart);
    }
    if (!(fibGolden > fibZoneStart && fibGolden < 1)) {
      throw new IllegalArgumentException(
          "fibGolden must be > fibZoneStart (" + fibZoneStart + ") and < 1, was " + fibGolden);
    }
    if (!(fibZoneEnd > fibGolden && fibZoneEnd < 1)) {
      throw new IllegalArgumentException(
          "fibZoneEnd must be > fibGolden (" + fibGolden + ") and < 1, was " + fibZoneEnd);
    }
    checkNonNegative("minGapAtr", minGapAtr);
    checkBars("poiMaxAgeBars", poiMaxAgeBars, 1);
    if (!(stopBufferTicks > 0) || !Double.isFinite(stopBufferTicks)) {
      throw new IllegalArgumentException(
          "stopBufferTicks must be > 0 and finite, was " + stopBufferTicks);
    }
    checkNonNegative("stopBufferAtr", stopBufferAtr);
    if (!(rewardRisk > 0) || !Double.isFinite(rewardRisk)) {
      throw new IllegalArgumentException("rewardRisk must be > 0 and finite, was " + rewardRisk);
    }
    checkNonNegative("decisiveBreakAtr", decisiveBreakAtr);
    checkNonNegative("retestAtr", retestAtr);
    checkBars("atrPeriod", atrPeriod, 1);
  }

  private static void checkBars(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
    }
    if (value > MAX_BARS) {
      throw new IllegalArgumentException(name + " must be <= " + MAX_BARS + ", was " + value);
    }
  }

  private static void checkNonNegative(String name, double value) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be >= 0 and finite, was " + value);
    }
  }

  /**
   * Returns the first 5m (or 15m) bar index at which this configuration's ATR exists, {@code
   * atrPeriod - 1}: nothing that needs an ATR (breaks, fair value gaps, signals) is reported on a
   * timeframe before that bar of the timeframe.
   *
   * @return {@code atrPeriod - 1}
   */
  public int stableFrom() {
    return atrPeriod - 1;
  }

  /**
   * Returns a copy with another {@code swing15Left}.
   *
   * @param value the 15m swing lookback to the left, L (section 1)
   * @return the modified copy
   * @throws IllegalArgumentException when the value breaks the parameter's rule
   */
  public StrategyConfig withSwing15Left(int value) {
    return new StrategyConfig(
        value,
        swing15Right,
        swing5Left,
        swing5Right,
        confirmBars,
        minBreakAtr,
        continuationOnly,
        fibZoneStart,
        fibGolden,
        fibZoneEnd,
        minGapAtr,
        poiMaxAgeBars,
        stopBufferTicks,
        stopBufferAtr,
        rewardRisk,
        secondTarget,
        decisiveBreakAtr,
        retestAtr,
        atrPeriod);
  }

  /**
   * Returns a copy with another {@code swing15Right}.
   *
   * @param value the 15m swing lookback to the right, R; a 15m swing is known R bars after its
   *     pivot
   * @return the modified copy
   * @throws IllegalArgumentException when the value breaks the parameter's rule
   */
  public StrategyConfig withSwing15Right(int value) {
    return new StrategyConfig(
        swing15Left,
        value,
        swing5Left,
        swing5Right,
        confirmBars,
        minBreakAtr,
        continuationOnly,
        fibZoneStart,
        fibGolden,
        fibZoneEnd,
        minGapAtr,
        poiMaxAgeBars,
        stopBufferTicks,
        stopBufferAtr,
        rewardRisk,
        secondTarget,
        decisiveBreakAtr,
        retestAtr,
        atrPeriod);
  }

  /**
   * Returns a copy with another {@code swing5Left}.
   *
   * @param value the 5m swing lookback to the left
   * @return the modified copy
   * @throws IllegalArgumentException when the value breaks the parameter's rule
   */
  public StrategyConfig withSwing5Left(int value) {
    return new StrategyConfig(
        swing15Left,
        swing15Right,
        value,
        swing5Right,
        confirmBars,
        minBreakAtr,
        continuationOnly,
        fibZoneStart,
        fibGolden,
        fibZoneEnd,
        minGapAtr,
        poiMaxAgeBars,
        stopBufferTicks,
        stopBufferAtr,
        rewardRisk,
        secondTarget,
        decisiveBreakAtr,
        retestAtr,
        atrPeriod);
  }

  /**
   * Returns a copy with another {@code swing5Right}.
   *
   * @param value the 5m swing lookback to the right
   * @return the modified copy
   * @throws IllegalArgumentException when the value breaks the parameter's rule
   */
  public StrategyConfig withSwing5Right(int value) {
    return new StrategyConfig(
        swing15Left,
        swing15Right,
        swing5Left,
        value,
        confirmBars,
        minBreakAtr,
        continuationOnly,
        fibZoneStart,
        fibGolden,
        fibZoneEnd,
        minGapAtr,
        poiMaxAgeBars,
        stopBufferTicks,
        stopBufferAtr,
        rewardRisk,
        secondTarget,
        decisiveBreakAtr,
        retestAtr,
        atrPeriod);
  }

  /**
   * Returns a copy with another {@code confirmBars}.
   *
   * @param value consecutive 15m closes beyond the candidate level needed for a break (section 2)
   * @return the modified copy
   * @throws IllegalArgumentException when the value breaks the parameter's rule
   */
  public StrategyConfig withConfirmBars(int value) {
    return new StrategyConfig(
        swing15Left,
        swing15Right,
        swing5Left,
        swing5Right,
        value,
        minBreakAtr,
        continuationOnly,
        fibZoneStart,
        fibGolden,
        fibZoneEnd,
        minGapAtr,
        poiMaxAgeBars,
        stopBufferTicks,
        stopBufferAtr,
        rewardRisk,
        secondTarget,
        decisiveBreakAtr,
        retestAtr,
        atrPeriod);
  }

  /**
   * Returns a copy with another {@code minBreakAtr}.
   *
   * @param value minimum {@code close - level} at the break, in 15m ATRs
   * @return the modified copy
   * @throws IllegalArgumentException when the value breaks the parameter's rule
   */
  public StrategyConfig withMinBreakAtr(double value) {
    return new StrategyConfig(
        swing15Left,
        swing15Right,
        swing5Left,
        swing5Right,
        confirmBars,
        value,
        continuationOnly,
        fibZoneStart,
        fibGolden,
        fibZoneEnd,
        minGapAtr,
        poiMaxAgeBars,
        stopBufferTicks,
        stopBufferAtr,
        rewardRisk,
        secondTarget,
        decisiveBreakAtr,
        retestAtr,
        atrPeriod);
  }

  /**
   * Returns a copy with another {@code continuationOnly}.
   *
   * @param value when true only BOS legs produce POIs (CHoCH legs are tracked but get none)
   * @return the modified copy
   * @throws IllegalArgumentException when the value breaks the parameter's rule
   */
  public StrategyConfig withContinuationOnly(boolean value) {
    return new StrategyConfig(
        swing15Left,
        swing15Right,
        swing5Left,
        swing5Right,
        confirmBars,
        minBreakAtr,
        value,
        fibZoneStart,
        fibGolden,
        fibZoneEnd,
        minGapAtr,
        poiMaxAgeBars,
        stopBufferTicks,
        stopBufferAtr,
        rewardRisk,
        secondTarget,
        decisiveBreakAtr,
        retestAtr,
        atrPeriod);
  }

  /**
   * Returns a copy with another {@code fibZoneStart}.
   *
   * @param value the zone edge nearer the leg end; also the retracement that freezes the leg
   *     (section 3)
   * @return the modified copy
   * @throws IllegalArgumentException when the value breaks the parameter's rule
   */
  public StrategyConfig withFibZoneStart(double value) {
    return new StrategyConfig(
        swing15Left,
        swing15Right,
        swing5Left,
        swing5Right,
        confirmBars,
        minBreakAtr,
        continuationOnly,
        value,
        fibGolden,
        fibZoneEnd,
        minGapAtr,
        poiMaxAgeBars,
        stopBufferTicks,
        stopBufferAtr,
        rewardRisk,
        secondTarget,
        decisiveBreakAtr,
        retestAtr,
        atrPeriod);
  }

  /**
   * Returns a copy with another {@code fibGolden}.
   *
   * @param value the golden-pocket ratio used by the POI tie-break and confidence point 3
   * @return the modified copy
   * @throws IllegalArgumentException when the value breaks the parameter's rule
   */
  public StrategyConfig withFibGolden(double value) {
    return new StrategyConfig(
        swing15Left,
        swing15Right,
        swing5Left,
        swing5Right,
        confirmBars,
        minBreakAtr,
        continuationOnly,
        fibZoneStart,
        value,
        fibZoneEnd,
        minGapAtr,
        poiMaxAgeBars,
        stopBufferTicks,
        stopBufferAtr,
        rewardRisk,
        secondTarget,
        decisiveBreakAtr,
        retestAtr,
        atrPeriod);
  }

  /**
   * Returns a copy with another {@code fibZoneEnd}.
   *
   * @param value the zone edge nearer the leg start
   * @return the modified copy
   * @throws IllegalArgumentException when the value breaks the parameter's rule
   */
  public StrategyConfig withFibZoneEnd(double value) {
    return new StrategyConfig(
        swing15Left,
        swing15Right,
        swing5Left,
        swing5Right,
        confirmBars,
        minBreakAtr,
        continuationOnly,
        fibZoneStart,
        fibGolden,
        value,
        minGapAtr,
        poiMaxAgeBars,
        stopBufferTicks,
        stopBufferAtr,
        rewardRisk,
        secondTarget,
        decisiveBreakAtr,
        retestAtr,
        atrPeriod);
  }

  /**
   * Returns a copy with another {@code minGapAtr}.
   *
   * @param value minimum fair value gap size in ATRs of its own timeframe (section 4)
   * @return the modified copy
   * @throws IllegalArgumentException when the value breaks the parameter's rule
   */
  public StrategyConfig withMinGapAtr(double value) {
    return new StrategyConfig(
        swing15Left,
        swing15Right,
        swing5Left,
        swing5Right,
        confirmBars,
        minBreakAtr,
        continuationOnly,
        fibZoneStart,
        fibGolden,
        fibZoneEnd,
        value,
        poiMaxAgeBars,
        stopBufferTicks,
        stopBufferAtr,
        rewardRisk,
        secondTarget,
        decisiveBreakAtr,
        retestAtr,
        atrPeriod);
  }

  /**
   * Returns a copy with another {@code poiMaxAgeBars}.
   *
   * @param value 15m bars after arming at whose close a POI dies of age (section 5)
   * @return the modified copy
   * @throws IllegalArgumentException when the value breaks the parameter's rule
   */
  public StrategyConfig withPoiMaxAgeBars(int value) {
    return new StrategyConfig(
        swing15Left,
        swing15Right,
        swing5Left,
        swing5Right,
        confirmBars,
        minBreakAtr,
        continuationOnly,
        fibZoneStart,
        fibGolden,
        fibZoneEnd,
        minGapAtr,
        value,
        stopBufferTicks,
        stopBufferAtr,
        rewardRisk,
        secondTarget,
        decisiveBreakAtr,
        retestAtr,
        atrPeriod);
  }

  /**
   * Returns a copy with another {@code stopBufferTicks}.
   *
   * @param value stop buffer floor in ticks: buffer = max(ticks * tick, atr * 5m ATR) (section 6)
   * @return the modified copy
   * @throws IllegalArgumentException when the value breaks the parameter's rule
   */
  public StrategyConfig withStopBufferTicks(double value) {
    return new StrategyConfig(
        swing15Left,
        swing15Right,
        swing5Left,
        swing5Right,
        confirmBars,
        minBreakAtr,
        continuationOnly,
        fibZoneStart,
        fibGolden,
        fibZoneEnd,
        minGapAtr,
        poiMaxAgeBars,
        value,
        stopBufferAtr,
        rewardRisk,
        secondTarget,
        decisiveBreakAtr,
        retestAtr,
        atrPeriod);
  }

  /**
   * Returns a copy with another {@code stopBufferAtr}.
   *
   * @param value stop buffer in 5m ATRs at the signal bar
   * @return the modified copy
   * @throws IllegalArgumentException when the value breaks the parameter's rule
   */
  public StrategyConfig withStopBufferAtr(double value) {
    return new StrategyConfig(
        swing15Left,
        swing15Right,
        swing5Left,
        swing5Right,
        confirmBars,
        minBreakAtr,
        continuationOnly,
        fibZoneStart,
        fibGolden,
        fibZoneEnd,
        minGapAtr,
        poiMaxAgeBars,
        stopBufferTicks,
        value,
        rewardRisk,
        secondTarget,
        decisiveBreakAtr,
        retestAtr,
        atrPeriod);
  }

  /**
   * Returns a copy with another {@code rewardRisk}.
   *
   * @param value target distance as a multiple of the planned risk, {@code rr}
   * @return the modified copy
   * @throws IllegalArgumentException when the value breaks the parameter's rule
   */
  public StrategyConfig withRewardRisk(double value) {
    return new StrategyConfig(
        swing15Left,
        swing15Right,
        swing5Left,
        swing5Right,
        confirmBars,
        minBreakAtr,
        continuationOnly,
        fibZoneStart,
        fibGolden,
        fibZoneEnd,
        minGapAtr,
        poiMaxAgeBars,
        stopBufferTicks,
        stopBufferAtr,
        value,
        secondTarget,
        decisiveBreakAtr,
        retestAtr,
        atrPeriod);
  }

  /**
   * Returns a copy with another {@code secondTarget}.
   *
   * @param value whether signals carry the optional second target at the leg end
   * @return the modified copy
   * @throws IllegalArgumentException when the value breaks the parameter's rule
   */
  public StrategyConfig withSecondTarget(boolean value) {
    return new StrategyConfig(
        swing15Left,
        swing15Right,
        swing5Left,
        swing5Right,
        confirmBars,
        minBreakAtr,
        continuationOnly,
        fibZoneStart,
        fibGolden,
        fibZoneEnd,
        minGapAtr,
        poiMaxAgeBars,
        stopBufferTicks,
        stopBufferAtr,
        rewardRisk,
        value,
        decisiveBreakAtr,
        retestAtr,
        atrPeriod);
  }

  /**
   * Returns a copy with another {@code decisiveBreakAtr}.
   *
   * @param value 15m ATRs a break close must clear for confidence point 1 (section 7)
   * @return the modified copy
   * @throws IllegalArgumentException when the value breaks the parameter's rule
   */
  public StrategyConfig withDecisiveBreakAtr(double value) {
    return new StrategyConfig(
        swing15Left,
        swing15Right,
        swing5Left,
        swing5Right,
        confirmBars,
        minBreakAtr,
        continuationOnly,
        fibZoneStart,
        fibGolden,
        fibZoneEnd,
        minGapAtr,
        poiMaxAgeBars,
        stopBufferTicks,
        stopBufferAtr,
        rewardRisk,
        secondTarget,
        value,
        retestAtr,
        atrPeriod);
  }

  /**
   * Returns a copy with another {@code retestAtr}.
   *
   * @param value 15m ATRs (at arming) within which the broken level counts as retested, point 4
   * @return the modified copy
   * @throws IllegalArgumentException when the value breaks the parameter's rule
   */
  public StrategyConfig withRetestAtr(double value) {
    return new StrategyConfig(
        swing15Left,
        swing15Right,
        swing5Left,
        swing5Right,
        confirmBars,
        minBreakAtr,
        continuationOnly,
        fibZoneStart,
        fibGolden,
        fibZoneEnd,
        minGapAtr,
        poiMaxAgeBars,
        stopBufferTicks,
        stopBufferAtr,
        rewardRisk,
        secondTarget,
        decisiveBreakAtr,
        value,
        atrPeriod);
  }

  /**
   * Returns a copy with another {@code atrPeriod}.
   *
   * @param value the Wilder ATR period of both timeframes; the first ATR is at bar {@code atrPeriod
   *     - 1}
   * @return the modified copy
   * @throws IllegalArgumentException when the value breaks the parameter's rule
   */
  public StrategyConfig withAtrPeriod(int value) {
    return new StrategyConfig(
        swing15Left,
        swing15Right,
        swing5Left,
        swing5Right,
        confirmBars,
        minBreakAtr,
        continuationOnly,
        fibZoneStart,
        fibGolden,
        fibZoneEnd,
        minGapAtr,
        poiMaxAgeBars,
        stopBufferTicks,
        stopBufferAtr,
        rewardRisk,
        secondTarget,
        decisiveBreakAtr,
        retestAtr,
        value);
  }
}
