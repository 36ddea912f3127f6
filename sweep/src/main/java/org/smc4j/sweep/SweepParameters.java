package org.smc4j.sweep;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smc4j.backtest.slippage.AtrSlippageModel;
import org.smc4j.backtest.slippage.PercentSlippageModel;
import org.smc4j.backtest.slippage.SlippageModel;
import org.smc4j.backtest.slippage.TickSlippageModel;
import org.smc4j.core.engine.InvalidParameterException;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.engine.StrategyConfig.Builder;
import org.smc4j.risk.FeeSchedule;
import org.smc4j.risk.MaxSizePolicy;
import org.smc4j.risk.SizingParameters;
import org.smc4j.risk.StopSlippage;
import org.smc4j.risk.guard.GuardLimits;

/**
 * The parameters a sweep can vary, by their YAML key path in {@code smc4j.yaml} ({@code
 * strategy.target.reward-risk}, {@code risk.guards.max-concurrent-trades}, {@code
 * backtest.slippage.ticks}, ...), and how each is read from and applied to {@link RunSettings}.
 * This is the one place that maps key paths onto the settings records.
 */
public final class SweepParameters {

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  /**
   * One parameter.
   *
   * @param key its YAML key path
   * @param read its value in some settings
   * @param apply a copy of some settings with another value (may throw on a bad value)
   */
  private record Parameter(
      String key,
      Function<RunSettings, ParamValue> read,
      BiFunction<RunSettings, ParamValue, RunSettings> apply) {}

  private static final Map<String, Parameter> PARAMETERS = new LinkedHashMap<>();

  static {
    strategy("strategy.swing.15m.left", c -> num(c.swings().m15().left()), Builder::swing15Left);
    strategy("strategy.swing.15m.right", c -> num(c.swings().m15().right()), Builder::swing15Right);
    strategy("strategy.swing.5m.left", c -> num(c.swings().m5().left()), Builder::swing5Left);
    strategy("strategy.swing.5m.right", c -> num(c.swings().m5().right()), Builder::swing5Right);
    strategy(
        "strategy.break.confirm-bars", c -> num(c.breaks().confirmBars()), Builder::confirmBars);
    strategyD("strategy.break.min-atr", c -> num(c.breaks().minAtr()), Builder::minBreakAtr);
    strategyB(
        "strategy.break.continuation-only",
        c -> new ParamValue.Flag(c.breaks().continuationOnly()),
        Builder::continuationOnly);
    strategyD("strategy.fib.zone-start", c -> num(c.fib().zoneStart()), Builder::fibZoneStart);
    strategyD("strategy.fib.golden", c -> num(c.fib().golden()), Builder::fibGolden);
    strategyD("strategy.fib.zone-end", c -> num(c.fib().zoneEnd()), Builder::fibZoneEnd);
    strategyD("strategy.fvg.min-atr", c -> num(c.gaps().minAtr()), Builder::minGapAtr);
    strategy("strategy.poi.max-age-bars", c -> num(c.poi().maxAgeBars()), Builder::poiMaxAgeBars);
    strategyD(
        "strategy.stop.buffer-ticks", c -> num(c.stop().bufferTicks()), Builder::stopBufferTicks);
    strategyD("strategy.stop.buffer-atr", c -> num(c.stop().bufferAtr()), Builder::stopBufferAtr);
    strategyD("strategy.target.reward-risk", c -> num(c.exits().rewardRisk()), Builder::rewardRisk);
    strategyB(
        "strategy.target.second-target",
        c -> new ParamValue.Flag(c.exits().secondTarget()),
        Builder::secondTarget);
    strategyD(
        "strategy.score.decisive-break-atr",
        c -> num(c.score().decisiveBreakAtr()),
        Builder::decisiveBreakAtr);
    strategyD("strategy.score.retest-atr", c -> num(c.score().retestAtr()), Builder::retestAtr);
    strategy("strategy.atr-period", c -> num(c.atrPeriod()), Builder::atrPeriod);

    sizing(
        "risk.risk-usd",
        p -> new ParamValue.Decimal(p.riskUsd()),
        (p, v) -> p.withRiskUsd(decimal("risk.risk-usd", v)));
    sizing(
        "risk.tolerance",
        p -> new ParamValue.Decimal(p.tolerance()),
        (p, v) -> p.withTolerance(decimal("risk.tolerance", v)));
    sizing(
        "risk.leverage",
        p -> new ParamValue.Decimal(p.leverage()),
        (p, v) -> p.withLeverage(decimal("risk.leverage", v)));
    sizing(
        "risk.fees.maker",
        p -> new ParamValue.Decimal(p.fees().makerRate()),
        (p, v) -> p.withFees(new FeeSchedule(decimal("risk.fees.maker", v), p.fees().takerRate())));
    sizing(
        "risk.fees.taker",
        p -> new ParamValue.Decimal(p.fees().takerRate()),
        (p, v) -> p.withFees(new FeeSchedule(p.fees().makerRate(), decimal("risk.fees.taker", v))));
    sizing(
        "risk.stop-slippage.amount",
        p -> new ParamValue.Decimal(p.slippage().amount()),
        (p, v) ->
            p.withSlippage(
                new StopSlippage(decimal("risk.stop-slippage.amount", v), p.slippage().unit())));
    sizing(
        "risk.stop-slippage.unit",
        p -> word(p.slippage().unit().name()),
        (p, v) ->
            p.withSlippage(
                new StopSlippage(
                    p.slippage().amount(),
                    choice("risk.stop-slippage.unit", v, StopSlippage.Unit.class))));
    sizing(
        "risk.max-size-policy",
        p -> word(p.maxSizePolicy().name()),
        (p, v) -> p.withMaxSizePolicy(choice("risk.max-size-policy", v, MaxSizePolicy.class)));
    sizing(
        "risk.max-cost-share",
        p -> new ParamValue.Decimal(p.maxCostShare()),
        (p, v) -> p.withMaxCostShare(decimal("risk.max-cost-share", v)));

    guards(
        "risk.guards.max-daily-loss-usd",
        g -> new ParamValue.Decimal(g.maxDailyLossUsd()),
        (g, v) ->
            new GuardLimits(
                decimal("risk.guards.max-daily-loss-usd", v),
                g.maxDailyLosingTrades(),
                g.maxConcurrentTrades(),
                g.maxOpenRiskUsd(),
                g.dayStartHourUtc()));
    guards(
        "risk.guards.max-daily-losing-trades",
        g -> num(g.maxDailyLosingTrades()),
        (g, v) ->
            new GuardLimits(
                g.maxDailyLossUsd(),
                integer("risk.guards.max-daily-losing-trades", v),
                g.maxConcurrentTrades(),
                g.maxOpenRiskUsd(),
                g.dayStartHourUtc()));
    guards(
        "risk.guards.max-concurrent-trades",
        g -> num(g.maxConcurrentTrades()),
        (g, v) ->
            new GuardLimits(
                g.maxDailyLossUsd(),
                g.maxDailyLosingTrades(),
                integer("risk.guards.max-concurrent-trades", v),
                g.maxOpenRiskUsd(),
                g.dayStartHourUtc()));
    guards(
        "risk.guards.max-open-risk-usd",
        g -> new ParamValue.Decimal(g.maxOpenRiskUsd()),
        (g, v) ->
            new GuardLimits(
                g.maxDailyLossUsd(),
                g.maxDailyLosingTrades(),
                g.maxConcurrentTrades(),
                decimal("risk.guards.max-open-risk-usd", v),
                g.dayStartHourUtc()));
    guards(
        "risk.guards.day-start-hour-utc",
        g -> num(g.dayStartHourUtc()),
        (g, v) ->
            new GuardLimits(
                g.maxDailyLossUsd(),
                g.maxDailyLosingTrades(),
                g.maxConcurrentTrades(),
                g.maxOpenRiskUsd(),
                integer("risk.guards.day-start-hour-utc", v)));
    put(
        "risk.guards.account-equity-usd",
        s -> new ParamValue.Decimal(s.accountEquityUsd()),
        (s, v) -> s.withAccountEquityUsd(decimal("risk.guards.account-equity-usd", v)));

    put(
        "backtest.slippage.ticks",
        s -> s.slippage() instanceof TickSlippageModel t ? num(t.ticks()) : word("none"),
        (s, v) -> s.withSlippage(new TickSlippageModel(integer("backtest.slippage.ticks", v))));
    put(
        "backtest.slippage.fraction",
        s -> s.slippage() instanceof PercentSlippageModel p ? num(p.fraction()) : word("none"),
        (s, v) ->
            s.withSlippage(
                new PercentSlippageModel(decimal("backtest.slippage.fraction", v).doubleValue())));
    put(
        "backtest.slippage.atr",
        s -> s.slippage() instanceof AtrSlippageModel a ? num(a.atrFraction()) : word("none"),
        (s, v) ->
            s.withSlippage(
                new AtrSlippageModel(
                    decimal("backtest.slippage.atr", v).doubleValue(),
                    fallbackTicks(s.slippage()))));
    put(
        "backtest.slippage.fallback-ticks",
        s -> s.slippage() instanceof AtrSlippageModel a ? num(a.fallbackTicks()) : word("none"),
        (s, v) -> {
          if (!(s.slippage() instanceof AtrSlippageModel a)) {
            throw new IllegalArgumentException(
                "belongs to the atr model only (sweep backtest.slippage.atr with it)");
          }
          return s.withSlippage(
              new AtrSlippageModel(
                  a.atrFraction(), integer("backtest.slippage.fallback-ticks", v)));
        });
    put(
        "backtest.funding-rate",
        s -> num(s.fundingRate()),
        (s, v) -> s.withFundingRate(decimal("backtest.funding-rate", v).doubleValue()));
    put(
        "backtest.funding-interval",
        s -> word(formatDuration(s.fundingInterval())),
        (s, v) -> s.withFundingInterval(duration("backtest.funding-interval", v)));
    put(
        "backtest.limit-expiry",
        s -> word(s.limitExpiry().map(SweepParameters::formatDuration).orElse("never")),
        (s, v) ->
            s.withLimitExpiry(
                v instanceof ParamValue.Word w && w.value().equalsIgnoreCase("never")
                    ? Optional.empty()
                    : Optional.of(duration("backtest.limit-expiry", v))));
    put(
        "backtest.apply-guards",
        s -> new ParamValue.Flag(s.applyGuards()),
        (s, v) -> s.withApplyGuards(flag("backtest.apply-guards", v)));
  }

  private SweepParameters() {}

  /** Returns every key path a sweep can vary, in the order of {@code smc4j.example.yaml}. */
  public static List<String> keys() {
    return List.copyOf(PARAMETERS.keySet());
  }

  /**
   * Tells whether a key path names a parameter.
   *
   * @param key the key path
   * @return whether a sweep can vary it
   */
  public static boolean isKnown(String key) {
    return PARAMETERS.containsKey(key);
  }

  /**
   * Returns a parameter's value in some settings.
   *
   * @param settings the settings
   * @param key the key path
   * @return the value ({@code none} for a slippage key of another slippage model)
   * @throws SweepParameterException when the key is unknown
   */
  public static ParamValue read(RunSettings settings, String key) {
    return parameter(key).read().apply(settings);
  }

  /**
   * Applies a combination to base settings, key by key in order.
   *
   * @param base the base settings
   * @param combo the parameters to change
   * @return the changed copy
   * @throws SweepParameterException naming the key path when a key is unknown or a value is of the
   *     wrong kind or rejected
   */
  public static RunSettings apply(RunSettings base, ParamSet combo) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(combo, "combo");
    RunSettings s = base;
    for (Map.Entry<String, ParamValue> e : combo.values().entrySet()) {
      s = apply(s, e.getKey(), e.getValue());
    }
    return s;
  }

  /**
   * Applies one value.
   *
   * @param base the settings
   * @param key the key path
   * @param value the value
   * @return the changed copy
   * @throws SweepParameterException naming the key path when the key is unknown or the value is of
   *     the wrong kind or rejected
   */
  public static RunSettings apply(RunSettings base, String key, ParamValue value) {
    Parameter p = parameter(key);
    try {
      return p.apply().apply(base, value);
    } catch (SweepParameterException e) {
      throw e;
    } catch (InvalidParameterException e) {
      // the strategy names its own key path (for a rule between two parameters, the one it checks)
      throw new SweepParameterException(e.path(), e.violation(), e);
    } catch (IllegalArgumentException e) {
      throw new SweepParameterException(
          key, "value " + value.text() + " rejected: " + e.getMessage(), e);
    }
  }

  /**
   * Checks that a key path names a parameter.
   *
   * @param key the key path
   * @throws SweepParameterException naming the key and the known ones when it does not
   */
  public static void requireKnown(String key) {
    parameter(key);
  }

  private static Parameter parameter(String key) {
    Parameter p = PARAMETERS.get(Objects.requireNonNull(key, "key"));
    if (p == null) {
      throw new SweepParameterException(
          key,
          "unknown parameter; a sweep can vary " + String.join(", ", PARAMETERS.keySet()),
          null);
    }
    return p;
  }

  /** Sets a strategy integer parameter on a builder. */
  private interface IntCopy {
    Builder apply(Builder b, int value);
  }

  /** Sets a strategy real parameter on a builder. */
  private interface DoubleCopy {
    Builder apply(Builder b, double value);
  }

  /** Sets a strategy flag on a builder. */
  private interface FlagCopy {
    Builder apply(Builder b, boolean value);
  }

  private static void strategy(
      String key, Function<StrategyConfig, ParamValue> read, IntCopy copy) {
    put(
        key,
        s -> read.apply(s.strategy()),
        (s, v) -> s.withStrategy(copy.apply(s.strategy().toBuilder(), integer(key, v)).build()));
  }

  private static void strategyD(
      String key, Function<StrategyConfig, ParamValue> read, DoubleCopy copy) {
    put(
        key,
        s -> read.apply(s.strategy()),
        (s, v) ->
            s.withStrategy(
                copy.apply(s.strategy().toBuilder(), decimal(key, v).doubleValue()).build()));
  }

  private static void strategyB(
      String key, Function<StrategyConfig, ParamValue> read, FlagCopy copy) {
    put(
        key,
        s -> read.apply(s.strategy()),
        (s, v) -> s.withStrategy(copy.apply(s.strategy().toBuilder(), flag(key, v)).build()));
  }

  private static void sizing(
      String key,
      Function<SizingParameters, ParamValue> read,
      BiFunction<SizingParameters, ParamValue, SizingParameters> copy) {
    put(key, s -> read.apply(s.sizing()), (s, v) -> s.withSizing(copy.apply(s.sizing(), v)));
  }

  private static void guards(
      String key,
      Function<GuardLimits, ParamValue> read,
      BiFunction<GuardLimits, ParamValue, GuardLimits> copy) {
    put(key, s -> read.apply(s.guards()), (s, v) -> s.withGuards(copy.apply(s.guards(), v)));
  }

  private static void put(
      String key,
      Function<RunSettings, ParamValue> read,
      BiFunction<RunSettings, ParamValue, RunSettings> apply) {
    PARAMETERS.put(key, new Parameter(key, read, apply));
  }

  private static ParamValue num(double v) {
    return ParamValue.of(v);
  }

  private static ParamValue num(int v) {
    return new ParamValue.Decimal(BigDecimal.valueOf(v));
  }

  private static ParamValue word(String v) {
    return new ParamValue.Word(v.toLowerCase(Locale.ROOT));
  }

  private static BigDecimal decimal(String key, ParamValue v) {
    if (v instanceof ParamValue.Decimal d) {
      return d.value();
    }
    throw new SweepParameterException(key, "must be a number, was " + v.text(), null);
  }

  private static int integer(String key, ParamValue v) {
    BigDecimal d = decimal(key, v);
    try {
      return d.intValueExact();
    } catch (ArithmeticException e) {
      throw new SweepParameterException(key, "must be a whole number, was " + v.text(), e);
    }
  }

  private static boolean flag(String key, ParamValue v) {
    if (v instanceof ParamValue.Flag f) {
      return f.value();
    }
    throw new SweepParameterException(key, "must be true or false, was " + v.text(), null);
  }

  private static <E extends Enum<E>> E choice(String key, ParamValue v, Class<E> type) {
    String text = v.text().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(text)) {
        return e;
      }
    }
    StringBuilder names = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      names.append(names.isEmpty() ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
    }
    throw new SweepParameterException(key, "must be one of " + names + ", was " + v.text(), null);
  }

  private static Duration duration(String key, ParamValue v) {
    Matcher m = DURATION.matcher(v.text());
    if (!(v instanceof ParamValue.Word) || !m.matches()) {
      throw new SweepParameterException(
          key, "must be a duration like 500ms, 30s, 15m, 8h or 1d, was " + v.text(), null);
    }
    long n = Long.parseLong(m.group(1));
    Duration d =
        switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
    if (d.isZero()) {
      throw new SweepParameterException(key, "must be > 0, was " + v.text(), null);
    }
    return d;
  }

  private static int fallbackTicks(SlippageModel current) {
    return current instanceof AtrSlippageModel a ? a.fallbackTicks() : 1;
  }

  /** Returns a duration in the largest whole unit: {@code 8h}, {@code 90m}, {@code 1d}. */
  static String formatDuration(Duration d) {
    long ms = d.toMillis();
    if (ms % 86_400_000L == 0) {
      return ms / 86_400_000L + "d";
    }
    if (ms % 3_600_000L == 0) {
      return ms / 3_600_000L + "h";
    }
    if (ms % 60_000L == 0) {
      return ms / 60_000L + "m";
    }
    if (ms % 1000L == 0) {
      return ms / 1000L + "s";
    }
    return ms + "ms";
  }
}
