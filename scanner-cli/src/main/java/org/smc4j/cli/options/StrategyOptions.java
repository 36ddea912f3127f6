package org.smc4j.cli.options;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.smc4j.core.engine.InvalidParameterException;
import org.smc4j.core.engine.StrategyConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The strategy parameters of STRATEGY.md sections 1-7 as command-line options (a picocli mixin of
 * {@code backtest} and {@code detect}). An option given on the command line overrides the {@code
 * strategy} section of the configuration file; one not given keeps the file's value (or the
 * built-in default, {@link StrategyConfig#DEFAULT}'s, which {@code --help} shows). {@link
 * #applyTo(StrategyConfig)} builds the validated result; a bad value fails there naming the option.
 */
public final class StrategyOptions {

  private static final StrategyConfig D = StrategyConfig.DEFAULT;

  /** The options' names by the strategy parameters' key paths, for messages. */
  private static final Map<String, String> OPTIONS = new LinkedHashMap<>();

  static {
    OPTIONS.put("strategy.swing.15m.left", "--swing15-left");
    OPTIONS.put("strategy.swing.15m.right", "--swing15-right");
    OPTIONS.put("strategy.swing.5m.left", "--swing5-left");
    OPTIONS.put("strategy.swing.5m.right", "--swing5-right");
    OPTIONS.put("strategy.break.confirm-bars", "--confirm-bars");
    OPTIONS.put("strategy.break.min-atr", "--min-break-atr");
    OPTIONS.put("strategy.break.continuation-only", "--continuation-only");
    OPTIONS.put("strategy.fib.zone-start", "--fib-zone-start");
    OPTIONS.put("strategy.fib.golden", "--fib-golden");
    OPTIONS.put("strategy.fib.zone-end", "--fib-zone-end");
    OPTIONS.put("strategy.fvg.min-atr", "--min-gap-atr");
    OPTIONS.put("strategy.poi.max-age-bars", "--poi-max-age-bars");
    OPTIONS.put("strategy.stop.buffer-ticks", "--stop-buffer-ticks");
    OPTIONS.put("strategy.stop.buffer-atr", "--stop-buffer-atr");
    OPTIONS.put("strategy.target.reward-risk", "--rr");
    OPTIONS.put("strategy.target.second-target", "--second-target");
    OPTIONS.put("strategy.score.decisive-break-atr", "--decisive-break-atr");
    OPTIONS.put("strategy.score.retest-atr", "--retest-atr");
    OPTIONS.put("strategy.atr-period", "--atr-period");
  }

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(
      names = "--swing15-left",
      paramLabel = "N",
      description = "15m swing lookback to the left, L (default: ${DEFAULT-VALUE}).")
  int swing15Left = D.swings().m15().left();

  @Option(
      names = "--swing15-right",
      paramLabel = "N",
      description =
          "15m swing lookback to the right, R; a 15m swing is known R bars after its pivot"
              + " (default: ${DEFAULT-VALUE}).")
  int swing15Right = D.swings().m15().right();

  @Option(
      names = "--swing5-left",
      paramLabel = "N",
      description = "5m swing lookback to the left (default: ${DEFAULT-VALUE}).")
  int swing5Left = D.swings().m5().left();

  @Option(
      names = "--swing5-right",
      paramLabel = "N",
      description = "5m swing lookback to the right (default: ${DEFAULT-VALUE}).")
  int swing5Right = D.swings().m5().right();

  @Option(
      names = "--confirm-bars",
      paramLabel = "N",
      description =
          "Consecutive 15m closes beyond the swing level needed for a break"
              + " (default: ${DEFAULT-VALUE}).")
  int confirmBars = D.breaks().confirmBars();

  @Option(
      names = "--min-break-atr",
      paramLabel = "X",
      description =
          "Minimum close beyond the level at the break, in 15m ATRs (default: ${DEFAULT-VALUE}).")
  double minBreakAtr = D.breaks().minAtr();

  @Option(
      names = "--continuation-only",
      negatable = true,
      description =
          "Only BOS legs get POIs; CHoCH legs are tracked but get none"
              + " (default: ${DEFAULT-VALUE}).")
  boolean continuationOnly = D.breaks().continuationOnly();

  @Option(
      names = "--fib-zone-start",
      paramLabel = "R",
      description =
          "Fibonacci zone edge nearer the leg end; also the retracement that freezes the leg"
              + " (default: ${DEFAULT-VALUE}).")
  double fibZoneStart = D.fib().zoneStart();

  @Option(
      names = "--fib-golden",
      paramLabel = "R",
      description = "Golden-pocket ratio (default: ${DEFAULT-VALUE}).")
  double fibGolden = D.fib().golden();

  @Option(
      names = "--fib-zone-end",
      paramLabel = "R",
      description = "Fibonacci zone edge nearer the leg start (default: ${DEFAULT-VALUE}).")
  double fibZoneEnd = D.fib().zoneEnd();

  @Option(
      names = "--min-gap-atr",
      paramLabel = "X",
      description =
          "Minimum fair value gap size in ATRs of its own timeframe (default: ${DEFAULT-VALUE}).")
  double minGapAtr = D.gaps().minAtr();

  @Option(
      names = "--poi-max-age-bars",
      paramLabel = "N",
      description = "15m bars after arming at whose close a POI dies (default: ${DEFAULT-VALUE}).")
  int poiMaxAgeBars = D.poi().maxAgeBars();

  @Option(
      names = "--stop-buffer-ticks",
      paramLabel = "X",
      description = "Stop buffer floor in ticks (default: ${DEFAULT-VALUE}).")
  double stopBufferTicks = D.stop().bufferTicks();

  @Option(
      names = "--stop-buffer-atr",
      paramLabel = "X",
      description = "Stop buffer in 5m ATRs at the signal bar (default: ${DEFAULT-VALUE}).")
  double stopBufferAtr = D.stop().bufferAtr();

  @Option(
      names = "--rr",
      paramLabel = "X",
      description =
          "Target distance as a multiple of the planned risk (default: ${DEFAULT-VALUE}).")
  double rewardRisk = D.exits().rewardRisk();

  @Option(
      names = "--second-target",
      negatable = true,
      description =
          "Give signals a second target at the leg end when it is beyond the entry"
              + " (default: ${DEFAULT-VALUE}).")
  boolean secondTarget = D.exits().secondTarget();

  @Option(
      names = "--decisive-break-atr",
      paramLabel = "X",
      description =
          "15m ATRs a break close must clear for confidence point 1 (default: ${DEFAULT-VALUE}).")
  double decisiveBreakAtr = D.score().decisiveBreakAtr();

  @Option(
      names = "--retest-atr",
      paramLabel = "X",
      description =
          "15m ATRs within which the broken level counts as retested, confidence point 4"
              + " (default: ${DEFAULT-VALUE}).")
  double retestAtr = D.score().retestAtr();

  @Option(
      names = "--atr-period",
      paramLabel = "N",
      description = "Wilder ATR period of both timeframes (default: ${DEFAULT-VALUE}).")
  int atrPeriod = D.atrPeriod();

  /** Creates the options with the default values (picocli). */
  public StrategyOptions() {}

  /**
   * Applies the options given on the command line to a strategy configuration (the file's).
   *
   * @param base the configuration the options override
   * @return {@code base} with the given options' values
   * @throws IllegalArgumentException naming the first bad option, its value and the rule
   */
  public StrategyConfig applyTo(StrategyConfig base) {
    Objects.requireNonNull(base, "base");
    StrategyConfig.Builder b = base.toBuilder();
    if (given("strategy.swing.15m.left")) {
      b.swing15Left(swing15Left);
    }
    if (given("strategy.swing.15m.right")) {
      b.swing15Right(swing15Right);
    }
    if (given("strategy.swing.5m.left")) {
      b.swing5Left(swing5Left);
    }
    if (given("strategy.swing.5m.right")) {
      b.swing5Right(swing5Right);
    }
    if (given("strategy.break.confirm-bars")) {
      b.confirmBars(confirmBars);
    }
    if (given("strategy.break.min-atr")) {
      b.minBreakAtr(minBreakAtr);
    }
    if (given("strategy.break.continuation-only")) {
      b.continuationOnly(continuationOnly);
    }
    if (given("strategy.fib.zone-start")) {
      b.fibZoneStart(fibZoneStart);
    }
    if (given("strategy.fib.golden")) {
      b.fibGolden(fibGolden);
    }
    if (given("strategy.fib.zone-end")) {
      b.fibZoneEnd(fibZoneEnd);
    }
    if (given("strategy.fvg.min-atr")) {
      b.minGapAtr(minGapAtr);
    }
    if (given("strategy.poi.max-age-bars")) {
      b.poiMaxAgeBars(poiMaxAgeBars);
    }
    if (given("strategy.stop.buffer-ticks")) {
      b.stopBufferTicks(stopBufferTicks);
    }
    if (given("strategy.stop.buffer-atr")) {
      b.stopBufferAtr(stopBufferAtr);
    }
    if (given("strategy.target.reward-risk")) {
      b.rewardRisk(rewardRisk);
    }
    if (given("strategy.target.second-target")) {
      b.secondTarget(secondTarget);
    }
    if (given("strategy.score.decisive-break-atr")) {
      b.decisiveBreakAtr(decisiveBreakAtr);
    }
    if (given("strategy.score.retest-atr")) {
      b.retestAtr(retestAtr);
    }
    if (given("strategy.atr-period")) {
      b.atrPeriod(atrPeriod);
    }
    try {
      return b.build();
    } catch (InvalidParameterException e) {
      throw new IllegalArgumentException(
          "invalid strategy parameter: "
              + name(e.path())
              + " "
              + e.violation(StrategyOptions::name),
          e);
    }
  }

  /** Names a parameter by its option (the file's values were checked when the file was read). */
  private static String name(String path) {
    return OPTIONS.getOrDefault(path, path);
  }

  /** Returns whether the option of a strategy parameter (by key path) was given. */
  private boolean given(String path) {
    String option = OPTIONS.get(path);
    ParseResult parsed = command.commandLine().getParseResult();
    return option != null && parsed != null && parsed.hasMatchedOption(option);
  }
}
