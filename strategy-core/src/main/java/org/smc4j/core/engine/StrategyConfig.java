package org.smc4j.core.engine;

import java.util.Objects;
import org.smc4j.core.atr.WilderAtr;

/**
 * Every parameter of the strategy (STRATEGY.md sections 1-7), immutable and validated, grouped as
 * the {@code strategy:} section of the YAML configuration is: one nested record per section. {@link
 * #DEFAULT} holds the documented defaults; {@code withX} methods return copies with one section
 * replaced, and {@link #builder()} / {@link #toBuilder()} set single parameters (tests, sweeps). A
 * value out of range fails with an {@link InvalidParameterException} naming the parameter's key
 * path (e.g. {@code strategy.swing.15m.left}), the value and the rule. The tick size is not here:
 * it belongs to the instrument and is passed to {@link StrategyEngine}.
 *
 * @param swings the swing lookbacks of both timeframes, {@code strategy.swing} (section 1)
 * @param breaks the break-of-structure rules, {@code strategy.break} (section 2)
 * @param fib the Fibonacci zone, {@code strategy.fib} (section 3)
 * @param gaps the fair value gap size rule, {@code strategy.fvg} (section 4)
 * @param poi the point-of-interest life, {@code strategy.poi} (section 5)
 * @param stop the stop buffer, {@code strategy.stop} (section 6)
 * @param exits the target, {@code strategy.target} (section 6)
 * @param score the confidence-score thresholds, {@code strategy.score} (section 7)
 * @param atrPeriod the Wilder ATR period of both timeframes, {@code strategy.atr-period}; the first
 *     ATR is at bar {@code atrPeriod - 1} (default 14)
 */
public record StrategyConfig(
    Swings swings,
    Breaks breaks,
    Fib fib,
    Gaps gaps,
    Poi poi,
    Stop stop,
    Exits exits,
    Score score,
    int atrPeriod) {

  /** The largest accepted swing lookback, bar count or ATR period (guards absurd buffer sizes). */
  public static final int MAX_BARS = 10_000;

  /** The documented defaults: 15m L=R=3, 5m L=R=2, one confirming close, 0.1 ATR, etc. */
  public static final StrategyConfig DEFAULT =
      new StrategyConfig(
          Swings.DEFAULT,
          Breaks.DEFAULT,
          Fib.DEFAULT,
          Gaps.DEFAULT,
          Poi.DEFAULT,
          Stop.DEFAULT,
          Exits.DEFAULT,
          Score.DEFAULT,
          WilderAtr.DEFAULT_PERIOD);

  /**
   * Validates the sections (each validated its own values) and the ATR period.
   *
   * @throws NullPointerException when a section is null
   * @throws InvalidParameterException when {@code atrPeriod} is not in {@code [1, MAX_BARS]}
   */
  public StrategyConfig {
    Objects.requireNonNull(swings, "swings");
    Objects.requireNonNull(breaks, "breaks");
    Objects.requireNonNull(fib, "fib");
    Objects.requireNonNull(gaps, "gaps");
    Objects.requireNonNull(poi, "poi");
    Objects.requireNonNull(stop, "stop");
    Objects.requireNonNull(exits, "exits");
    Objects.requireNonNull(score, "score");
    checkBars("strategy.atr-period", atrPeriod, 1);
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
   * Returns a builder starting from {@link #DEFAULT}.
   *
   * @return the builder
   */
  public static Builder builder() {
    return DEFAULT.toBuilder();
  }

  /**
   * Returns a builder starting from this configuration.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Returns a copy with other swing lookbacks.
   *
   * @param value the lookbacks
   * @return the copy
   */
  public StrategyConfig withSwings(Swings value) {
    return new StrategyConfig(value, breaks, fib, gaps, poi, stop, exits, score, atrPeriod);
  }

  /**
   * Returns a copy with other break rules.
   *
   * @param value the rules
   * @return the copy
   */
  public StrategyConfig withBreaks(Breaks value) {
    return new StrategyConfig(swings, value, fib, gaps, poi, stop, exits, score, atrPeriod);
  }

  /**
   * Returns a copy with another Fibonacci zone.
   *
   * @param value the zone
   * @return the copy
   */
  public StrategyConfig withFib(Fib value) {
    return new StrategyConfig(swings, breaks, value, gaps, poi, stop, exits, score, atrPeriod);
  }

  /**
   * Returns a copy with another gap size rule.
   *
   * @param value the rule
   * @return the copy
   */
  public StrategyConfig withGaps(Gaps value) {
    return new StrategyConfig(swings, breaks, fib, value, poi, stop, exits, score, atrPeriod);
  }

  /**
   * Returns a copy with another POI life.
   *
   * @param value the POI rules
   * @return the copy
   */
  public StrategyConfig withPoi(Poi value) {
    return new StrategyConfig(swings, breaks, fib, gaps, value, stop, exits, score, atrPeriod);
  }

  /**
   * Returns a copy with another stop buffer.
   *
   * @param value the stop rules
   * @return the copy
   */
  public StrategyConfig withStop(Stop value) {
    return new StrategyConfig(swings, breaks, fib, gaps, poi, value, exits, score, atrPeriod);
  }

  /**
   * Returns a copy with other exits.
   *
   * @param value the exits
   * @return the copy
   */
  public StrategyConfig withExits(Exits value) {
    return new StrategyConfig(swings, breaks, fib, gaps, poi, stop, value, score, atrPeriod);
  }

  /**
   * Returns a copy with other score thresholds.
   *
   * @param value the thresholds
   * @return the copy
   */
  public StrategyConfig withScore(Score value) {
    return new StrategyConfig(swings, breaks, fib, gaps, poi, stop, exits, value, atrPeriod);
  }

  /**
   * Returns a copy with another ATR period.
   *
   * @param value the Wilder ATR period of both timeframes, in {@code [1, MAX_BARS]}
   * @return the copy
   * @throws InvalidParameterException when the value is out of range
   */
  public StrategyConfig withAtrPeriod(int value) {
    return new StrategyConfig(swings, breaks, fib, gaps, poi, stop, exits, score, value);
  }

  /**
   * Returns the parameters by key path below {@code strategy}, e.g. {@code
   * StrategyConfig[swing.15m.left=3, swing.15m.right=3, ...]}: the names a user writes in the
   * configuration file.
   */
  @Override
  public String toString() {
    return "StrategyConfig[swing.15m.left="
        + swings.m15().left()
        + ", swing.15m.right="
        + swings.m15().right()
        + ", swing.5m.left="
        + swings.m5().left()
        + ", swing.5m.right="
        + swings.m5().right()
        + ", break.confirm-bars="
        + breaks.confirmBars()
        + ", break.min-atr="
        + breaks.minAtr()
        + ", break.continuation-only="
        + breaks.continuationOnly()
        + ", fib.zone-start="
        + fib.zoneStart()
        + ", fib.golden="
        + fib.golden()
        + ", fib.zone-end="
        + fib.zoneEnd()
        + ", fvg.min-atr="
        + gaps.minAtr()
        + ", poi.max-age-bars="
        + poi.maxAgeBars()
        + ", stop.buffer-ticks="
        + stop.bufferTicks()
        + ", stop.buffer-atr="
        + stop.bufferAtr()
        + ", target.reward-risk="
        + exits.rewardRisk()
        + ", target.second-target="
        + exits.secondTarget()
        + ", score.decisive-break-atr="
        + score.decisiveBreakAtr()
        + ", score.retest-atr="
        + score.retestAtr()
        + ", atr-period="
        + atrPeriod
        + "]";
  }

  private static void checkBars(String path, int value, int min) {
    if (value < min) {
      throw new InvalidParameterException(path, String.valueOf(value), "must be >= " + min);
    }
    if (value > MAX_BARS) {
      throw new InvalidParameterException(path, String.valueOf(value), "must be <= " + MAX_BARS);
    }
  }

  private static void checkNonNegative(String path, double value) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new InvalidParameterException(path, String.valueOf(value), "must be >= 0 and finite");
    }
  }

  private static void checkPositive(String path, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new InvalidParameterException(path, String.valueOf(value), "must be > 0 and finite");
    }
  }

  /**
   * A swing lookback pair: a swing at bar {@code j} is above the {@code left} bars before it and at
   * least as high as the {@code right} bars after it, and known {@code right} bars after {@code j}.
   * Its range, {@code [1, MAX_BARS]} each, is checked by {@link Swings}, whose key path names the
   * timeframe.
   *
   * @param left the lookback to the left, L
   * @param right the lookback to the right, R
   */
  public record Lookback(int left, int right) {}

  /**
   * The swing lookbacks (section 1), {@code strategy.swing}.
   *
   * @param m15 the 15m lookbacks, {@code strategy.swing.15m} (default L = R = 3)
   * @param m5 the 5m lookbacks, {@code strategy.swing.5m} (default L = R = 2)
   */
  public record Swings(Lookback m15, Lookback m5) {

    /** 15m L = R = 3, 5m L = R = 2. */
    public static final Swings DEFAULT = new Swings(new Lookback(3, 3), new Lookback(2, 2));

    /**
     * Validates the lookbacks.
     *
     * @throws InvalidParameterException when a lookback is not in {@code [1, MAX_BARS]}
     */
    public Swings {
      Objects.requireNonNull(m15, "m15");
      Objects.requireNonNull(m5, "m5");
      checkBars("strategy.swing.15m.left", m15.left(), 1);
      checkBars("strategy.swing.15m.right", m15.right(), 1);
      checkBars("strategy.swing.5m.left", m5.left(), 1);
      checkBars("strategy.swing.5m.right", m5.right(), 1);
    }
  }

  /**
   * The break of structure (section 2), {@code strategy.break}.
   *
   * @param confirmBars consecutive 15m closes beyond the candidate level needed for a break, {@code
   *     confirm-bars} (default 1)
   * @param minAtr minimum {@code close - level} at the break, in 15m ATRs, {@code min-atr} (default
   *     0.1)
   * @param continuationOnly when true only BOS legs produce POIs (CHoCH legs are tracked but get
   *     none), {@code continuation-only} (default false)
   */
  public record Breaks(int confirmBars, double minAtr, boolean continuationOnly) {

    /** One confirming close, 0.1 ATR, BOS and CHoCH. */
    public static final Breaks DEFAULT = new Breaks(1, 0.1, false);

    /**
     * Validates the rules.
     *
     * @throws InvalidParameterException when a value is out of range
     */
    public Breaks {
      checkBars("strategy.break.confirm-bars", confirmBars, 1);
      checkNonNegative("strategy.break.min-atr", minAtr);
    }
  }

  /**
   * The Fibonacci zone of the impulse leg (section 3), {@code strategy.fib}, as retracements from
   * the leg end: {@code 0 < zoneStart < golden < zoneEnd < 1}.
   *
   * @param zoneStart the zone edge nearer the leg end; also the retracement that freezes the leg,
   *     {@code zone-start} (default 0.5)
   * @param golden the golden-pocket ratio used by the POI tie-break and confidence point 3, {@code
   *     golden} (default 0.618)
   * @param zoneEnd the zone edge nearer the leg start, {@code zone-end} (default 0.786)
   */
  public record Fib(double zoneStart, double golden, double zoneEnd) {

    /** 0.5, 0.618, 0.786. */
    public static final Fib DEFAULT = new Fib(0.5, 0.618, 0.786);

    /**
     * Validates the ratios and their order.
     *
     * @throws InvalidParameterException when a ratio is out of range or out of order
     */
    public Fib {
      if (!(zoneStart > 0 && zoneStart < 1)) {
        throw new InvalidParameterException(
            "strategy.fib.zone-start", String.valueOf(zoneStart), "must be > 0 and < 1");
      }
      if (!(golden > zoneStart && golden < 1)) {
        throw new InvalidParameterException(
            "strategy.fib.golden",
            String.valueOf(golden),
            "must be >",
            "strategy.fib.zone-start",
            " (" + zoneStart + ") and < 1");
      }
      if (!(zoneEnd > golden && zoneEnd < 1)) {
        throw new InvalidParameterException(
            "strategy.fib.zone-end",
            String.valueOf(zoneEnd),
            "must be >",
            "strategy.fib.golden",
            " (" + golden + ") and < 1");
      }
    }
  }

  /**
   * The fair value gap size rule (section 4), {@code strategy.fvg}.
   *
   * @param minAtr minimum gap size in ATRs of its own timeframe, {@code min-atr} (default 0.05)
   */
  public record Gaps(double minAtr) {

    /** 0.05 ATR. */
    public static final Gaps DEFAULT = new Gaps(0.05);

    /**
     * Validates the rule.
     *
     * @throws InvalidParameterException when the value is negative or not finite
     */
    public Gaps {
      checkNonNegative("strategy.fvg.min-atr", minAtr);
    }
  }

  /**
   * The life of a point of interest (section 5), {@code strategy.poi}.
   *
   * @param maxAgeBars 15m bars after arming at whose close a POI dies of age, {@code max-age-bars}
   *     (default 48)
   */
  public record Poi(int maxAgeBars) {

    /** 48 15m bars. */
    public static final Poi DEFAULT = new Poi(48);

    /**
     * Validates the rule.
     *
     * @throws InvalidParameterException when the value is not in {@code [1, MAX_BARS]}
     */
    public Poi {
      checkBars("strategy.poi.max-age-bars", maxAgeBars, 1);
    }
  }

  /**
   * The stop buffer (section 6), {@code strategy.stop}: buffer = {@code max(bufferTicks * tick,
   * bufferAtr * 5m ATR)} below the lowest low since the tap.
   *
   * @param bufferTicks the buffer floor in ticks, {@code buffer-ticks} (default 2)
   * @param bufferAtr the buffer in 5m ATRs at the signal bar, {@code buffer-atr} (default 0.1)
   */
  public record Stop(double bufferTicks, double bufferAtr) {

    /** 2 ticks, 0.1 ATR. */
    public static final Stop DEFAULT = new Stop(2, 0.1);

    /**
     * Validates the buffer.
     *
     * @throws InvalidParameterException when a value is out of range
     */
    public Stop {
      checkPositive("strategy.stop.buffer-ticks", bufferTicks);
      checkNonNegative("strategy.stop.buffer-atr", bufferAtr);
    }
  }

  /**
   * The exits of a signal (section 6), {@code strategy.target}.
   *
   * @param rewardRisk target distance as a multiple of the planned risk, {@code rr}, {@code
   *     reward-risk} (default 2.0)
   * @param secondTarget whether signals carry the optional second target at the leg end, {@code
   *     second-target} (default false)
   */
  public record Exits(double rewardRisk, boolean secondTarget) {

    /** 2R, no second target. */
    public static final Exits DEFAULT = new Exits(2.0, false);

    /**
     * Validates the exits.
     *
     * @throws InvalidParameterException when the reward-risk is not positive and finite
     */
    public Exits {
      checkPositive("strategy.target.reward-risk", rewardRisk);
    }
  }

  /**
   * The confidence-score thresholds (section 7), {@code strategy.score}.
   *
   * @param decisiveBreakAtr 15m ATRs a break close must clear for point 1, {@code
   *     decisive-break-atr} (default 0.25)
   * @param retestAtr 15m ATRs (at arming) within which the broken level counts as retested, point
   *     4, {@code retest-atr} (default 0.25)
   */
  public record Score(double decisiveBreakAtr, double retestAtr) {

    /** 0.25 ATR each. */
    public static final Score DEFAULT = new Score(0.25, 0.25);

    /**
     * Validates the thresholds.
     *
     * @throws InvalidParameterException when a value is negative or not finite
     */
    public Score {
      checkNonNegative("strategy.score.decisive-break-atr", decisiveBreakAtr);
      checkNonNegative("strategy.score.retest-atr", retestAtr);
    }
  }

  /**
   * Sets single parameters over a starting configuration; {@link #build()} validates, so a builder
   * may pass through invalid intermediate states (e.g. moving the whole Fibonacci zone). For tests
   * and parameter sweeps: {@code StrategyConfig.builder().rewardRisk(2.5).swing15(3, 3).build()}.
   */
  public static final class Builder {

    private int swing15Left;
    private int swing15Right;
    private int swing5Left;
    private int swing5Right;
    private int confirmBars;
    private double minBreakAtr;
    private boolean continuationOnly;
    private double fibZoneStart;
    private double fibGolden;
    private double fibZoneEnd;
    private double minGapAtr;
    private int poiMaxAgeBars;
    private double stopBufferTicks;
    private double stopBufferAtr;
    private double rewardRisk;
    private boolean secondTarget;
    private double decisiveBreakAtr;
    private double retestAtr;
    private int atrPeriod;

    private Builder(StrategyConfig c) {
      swing15Left = c.swings.m15().left();
      swing15Right = c.swings.m15().right();
      swing5Left = c.swings.m5().left();
      swing5Right = c.swings.m5().right();
      confirmBars = c.breaks.confirmBars();
      minBreakAtr = c.breaks.minAtr();
      continuationOnly = c.breaks.continuationOnly();
      fibZoneStart = c.fib.zoneStart();
      fibGolden = c.fib.golden();
      fibZoneEnd = c.fib.zoneEnd();
      minGapAtr = c.gaps.minAtr();
      poiMaxAgeBars = c.poi.maxAgeBars();
      stopBufferTicks = c.stop.bufferTicks();
      stopBufferAtr = c.stop.bufferAtr();
      rewardRisk = c.exits.rewardRisk();
      secondTarget = c.exits.secondTarget();
      decisiveBreakAtr = c.score.decisiveBreakAtr();
      retestAtr = c.score.retestAtr();
      atrPeriod = c.atrPeriod;
    }

    /**
     * Sets the 15m swing lookbacks, {@code strategy.swing.15m}.
     *
     * @param left L
     * @param right R
     * @return this builder
     */
    public Builder swing15(int left, int right) {
      swing15Left = left;
      swing15Right = right;
      return this;
    }

    /**
     * Sets the 5m swing lookbacks, {@code strategy.swing.5m}.
     *
     * @param left L
     * @param right R
     * @return this builder
     */
    public Builder swing5(int left, int right) {
      swing5Left = left;
      swing5Right = right;
      return this;
    }

    /**
     * Sets {@code strategy.swing.15m.left}.
     *
     * @param value L
     * @return this builder
     */
    public Builder swing15Left(int value) {
      swing15Left = value;
      return this;
    }

    /**
     * Sets {@code strategy.swing.15m.right}.
     *
     * @param value R
     * @return this builder
     */
    public Builder swing15Right(int value) {
      swing15Right = value;
      return this;
    }

    /**
     * Sets {@code strategy.swing.5m.left}.
     *
     * @param value L
     * @return this builder
     */
    public Builder swing5Left(int value) {
      swing5Left = value;
      return this;
    }

    /**
     * Sets {@code strategy.swing.5m.right}.
     *
     * @param value R
     * @return this builder
     */
    public Builder swing5Right(int value) {
      swing5Right = value;
      return this;
    }

    /**
     * Sets {@code strategy.break.confirm-bars}.
     *
     * @param value the consecutive closes
     * @return this builder
     */
    public Builder confirmBars(int value) {
      confirmBars = value;
      return this;
    }

    /**
     * Sets {@code strategy.break.min-atr}.
     *
     * @param value 15m ATRs
     * @return this builder
     */
    public Builder minBreakAtr(double value) {
      minBreakAtr = value;
      return this;
    }

    /**
     * Sets {@code strategy.break.continuation-only}.
     *
     * @param value true for BOS setups only
     * @return this builder
     */
    public Builder continuationOnly(boolean value) {
      continuationOnly = value;
      return this;
    }

    /**
     * Sets the whole Fibonacci zone, {@code strategy.fib}.
     *
     * @param zoneStart the edge nearer the leg end
     * @param golden the golden-pocket ratio
     * @param zoneEnd the edge nearer the leg start
     * @return this builder
     */
    public Builder fib(double zoneStart, double golden, double zoneEnd) {
      fibZoneStart = zoneStart;
      fibGolden = golden;
      fibZoneEnd = zoneEnd;
      return this;
    }

    /**
     * Sets {@code strategy.fib.zone-start}.
     *
     * @param value the ratio
     * @return this builder
     */
    public Builder fibZoneStart(double value) {
      fibZoneStart = value;
      return this;
    }

    /**
     * Sets {@code strategy.fib.golden}.
     *
     * @param value the ratio
     * @return this builder
     */
    public Builder fibGolden(double value) {
      fibGolden = value;
      return this;
    }

    /**
     * Sets {@code strategy.fib.zone-end}.
     *
     * @param value the ratio
     * @return this builder
     */
    public Builder fibZoneEnd(double value) {
      fibZoneEnd = value;
      return this;
    }

    /**
     * Sets {@code strategy.fvg.min-atr}.
     *
     * @param value ATRs of the gap's timeframe
     * @return this builder
     */
    public Builder minGapAtr(double value) {
      minGapAtr = value;
      return this;
    }

    /**
     * Sets {@code strategy.poi.max-age-bars}.
     *
     * @param value 15m bars
     * @return this builder
     */
    public Builder poiMaxAgeBars(int value) {
      poiMaxAgeBars = value;
      return this;
    }

    /**
     * Sets {@code strategy.stop.buffer-ticks}.
     *
     * @param value ticks
     * @return this builder
     */
    public Builder stopBufferTicks(double value) {
      stopBufferTicks = value;
      return this;
    }

    /**
     * Sets {@code strategy.stop.buffer-atr}.
     *
     * @param value 5m ATRs
     * @return this builder
     */
    public Builder stopBufferAtr(double value) {
      stopBufferAtr = value;
      return this;
    }

    /**
     * Sets {@code strategy.target.reward-risk}.
     *
     * @param value the multiple of the planned risk
     * @return this builder
     */
    public Builder rewardRisk(double value) {
      rewardRisk = value;
      return this;
    }

    /**
     * Sets {@code strategy.target.second-target}.
     *
     * @param value true for a second target at the leg end
     * @return this builder
     */
    public Builder secondTarget(boolean value) {
      secondTarget = value;
      return this;
    }

    /**
     * Sets {@code strategy.score.decisive-break-atr}.
     *
     * @param value 15m ATRs
     * @return this builder
     */
    public Builder decisiveBreakAtr(double value) {
      decisiveBreakAtr = value;
      return this;
    }

    /**
     * Sets {@code strategy.score.retest-atr}.
     *
     * @param value 15m ATRs
     * @return this builder
     */
    public Builder retestAtr(double value) {
      retestAtr = value;
      return this;
    }

    /**
     * Sets {@code strategy.atr-period}.
     *
     * @param value the Wilder ATR period of both timeframes
     * @return this builder
     */
    public Builder atrPeriod(int value) {
      atrPeriod = value;
      return this;
    }

    /**
     * Builds and validates the configuration.
     *
     * @return the configuration
     * @throws InvalidParameterException naming the first parameter (in section order) that is out
     *     of range
     */
    public StrategyConfig build() {
      return new StrategyConfig(
          new Swings(
              new Lookback(swing15Left, swing15Right), new Lookback(swing5Left, swing5Right)),
          new Breaks(confirmBars, minBreakAtr, continuationOnly),
          new Fib(fibZoneStart, fibGolden, fibZoneEnd),
          new Gaps(minGapAtr),
          new Poi(poiMaxAgeBars),
          new Stop(stopBufferTicks, stopBufferAtr),
          new Exits(rewardRisk, secondTarget),
          new Score(decisiveBreakAtr, retestAtr),
          atrPeriod);
    }
  }
}
