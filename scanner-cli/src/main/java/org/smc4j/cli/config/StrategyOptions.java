package org.smc4j.cli.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
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

  /** The options' names by the strategy record's component names, for messages. */
  private static final Map<String, String> OPTIONS = new LinkedHashMap<>();

  static {
    OPTIONS.put("swing15Left", "--swing15-left");
    OPTIONS.put("swing15Right", "--swing15-right");
    OPTIONS.put("swing5Left", "--swing5-left");
    OPTIONS.put("swing5Right", "--swing5-right");
    OPTIONS.put("confirmBars", "--confirm-bars");
    OPTIONS.put("minBreakAtr", "--min-break-atr");
    OPTIONS.put("continuationOnly", "--continuation-only");
    OPTIONS.put("fibZoneStart", "--fib-zone-start");
    OPTIONS.put("fibGolden", "--fib-golden");
    OPTIONS.put("fibZoneEnd", "--fib-zone-end");
    OPTIONS.put("minGapAtr", "--min-gap-atr");
    OPTIONS.put("poiMaxAgeBars", "--poi-max-age-bars");
    OPTIONS.put("stopBufferTicks", "--stop-buffer-ticks");
    OPTIONS.put("stopBufferAtr", "--stop-buffer-atr");
    OPTIONS.put("rewardRisk", "--rr");
    OPTIONS.put("secondTarget", "--second-target");
    OPTIONS.put("decisiveBreakAtr", "--decisive-break-atr");
    OPTIONS.put("retestAtr", "--retest-atr");
    OPTIONS.put("atrPeriod", "--atr-period");
  }

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(
      names = "--swing15-left",
      paramLabel = "N",
      description = "15m swing lookback to the left, L (default: ${DEFAULT-VALUE}).")
  int swing15Left = D.swing15Left();

  @Option(
      names = "--swing15-right",
      paramLabel = "N",
      description =
          "15m swing lookback to the right, R; a 15m swing is known R bars after its pivot"
              + " (default: ${DEFAULT-VALUE}).")
  int swing15Right = D.swing15Right();

  @Option(
      names = "--swing5-left",
      paramLabel = "N",
      description = "5m swing lookback to the left (default: ${DEFAULT-VALUE}).")
  int swing5Left = D.swing5Left();

  @Option(
      names = "--swing5-right",
      paramLabel = "N",
      description = "5m swing lookback to the right (default: ${DEFAULT-VALUE}).")
  int swing5Right = D.swing5Right();

  @Option(
      names = "--confirm-bars",
      paramLabel = "N",
      description =
          "Consecutive 15m closes beyond the swing level needed for a break"
              + " (default: ${DEFAULT-VALUE}).")
  int confirmBars = D.confirmBars();

  @Option(
      names = "--min-break-atr",
      paramLabel = "X",
      description =
          "Minimum close beyond the level at the break, in 15m ATRs (default: ${DEFAULT-VALUE}).")
  double minBreakAtr = D.minBreakAtr();

  @Option(
      names = "--continuation-only",
      negatable = true,
      description =
          "Only BOS legs get POIs; CHoCH legs are tracked but get none"
              + " (default: ${DEFAULT-VALUE}).")
  boolean continuationOnly = D.continuationOnly();

  @Option(
      names = "--fib-zone-start",
      paramLabel = "R",
      description =
          "Fibonacci zone edge nearer the leg end; also the retracement that freezes the leg"
              + " (default: ${DEFAULT-VALUE}).")
  double fibZoneStart = D.fibZoneStart();

  @Option(
      names = "--fib-golden",
      paramLabel = "R",
      description = "Golden-pocket ratio (default: ${DEFAULT-VALUE}).")
  double fibGolden = D.fibGolden();

  @Option(
      names = "--fib-zone-end",
      paramLabel = "R",
      description = "Fibonacci zone edge nearer the leg start (default: ${DEFAULT-VALUE}).")
  double fibZoneEnd = D.fibZoneEnd();

  @Option(
      names = "--min-gap-atr",
      paramLabel = "X",
      description =
          "Minimum fair value gap size in ATRs of its own timeframe (default: ${DEFAULT-VALUE}).")
  double minGapAtr = D.minGapAtr();

  @Option(
      names = "--poi-max-age-bars",
      paramLabel = "N",
      description = "15m bars after arming at whose close a POI dies (default: ${DEFAULT-VALUE}).")
  int poiMaxAgeBars = D.poiMaxAgeBars();

  @Option(
      names = "--stop-buffer-ticks",
      paramLabel = "X",
      description = "Stop buffer floor in ticks (default: ${DEFAULT-VALUE}).")
  double stopBufferTicks = D.stopBufferTicks();

  @Option(
      names = "--stop-buffer-atr",
      paramLabel = "X",
      description = "Stop buffer in 5m ATRs at the signal bar (default: ${DEFAULT-VALUE}).")
  double stopBufferAtr = D.stopBufferAtr();

  @Option(
      names = "--rr",
      paramLabel = "X",
      description =
          "Target distance as a multiple of the planned risk (default: ${DEFAULT-VALUE}).")
  double rewardRisk = D.rewardRisk();

  @Option(
      names = "--second-target",
      negatable = true,
      description =
          "Give signals a second target at the leg end when it is beyond the entry"
              + " (default: ${DEFAULT-VALUE}).")
  boolean secondTarget = D.secondTarget();

  @Option(
      names = "--decisive-break-atr",
      paramLabel = "X",
      description =
          "15m ATRs a break close must clear for confidence point 1 (default: ${DEFAULT-VALUE}).")
  double decisiveBreakAtr = D.decisiveBreakAtr();

  @Option(
      names = "--retest-atr",
      paramLabel = "X",
      description =
          "15m ATRs within which the broken level counts as retested, confidence point 4"
              + " (default: ${DEFAULT-VALUE}).")
  double retestAtr = D.retestAtr();

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
    try {
      return new StrategyConfig(
          given("swing15Left") ? swing15Left : base.swing15Left(),
          given("swing15Right") ? swing15Right : base.swing15Right(),
          given("swing5Left") ? swing5Left : base.swing5Left(),
          given("swing5Right") ? swing5Right : base.swing5Right(),
          given("confirmBars") ? confirmBars : base.confirmBars(),
          given("minBreakAtr") ? minBreakAtr : base.minBreakAtr(),
          given("continuationOnly") ? continuationOnly : base.continuationOnly(),
          given("fibZoneStart") ? fibZoneStart : base.fibZoneStart(),
          given("fibGolden") ? fibGolden : base.fibGolden(),
          given("fibZoneEnd") ? fibZoneEnd : base.fibZoneEnd(),
          given("minGapAtr") ? minGapAtr : base.minGapAtr(),
          given("poiMaxAgeBars") ? poiMaxAgeBars : base.poiMaxAgeBars(),
          given("stopBufferTicks") ? stopBufferTicks : base.stopBufferTicks(),
          given("stopBufferAtr") ? stopBufferAtr : base.stopBufferAtr(),
          given("rewardRisk") ? rewardRisk : base.rewardRisk(),
          given("secondTarget") ? secondTarget : base.secondTarget(),
          given("decisiveBreakAtr") ? decisiveBreakAtr : base.decisiveBreakAtr(),
          given("retestAtr") ? retestAtr : base.retestAtr(),
          given("atrPeriod") ? atrPeriod : base.atrPeriod());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(optionMessage(e.getMessage()), e);
    }
  }

  /** Returns whether the option of a strategy component was given on the command line. */
  private boolean given(String component) {
    ParseResult parsed = command.commandLine().getParseResult();
    return parsed != null && parsed.hasMatchedOption(OPTIONS.get(component));
  }

  /**
   * Rewrites the strategy record's message with option names: {@code swing15Left must be >= 1, was
   * 0} becomes {@code --swing15-left must be >= 1, was 0}.
   */
  private static String optionMessage(String message) {
    String m = String.valueOf(message);
    for (Map.Entry<String, String> o : OPTIONS.entrySet()) {
      m = m.replaceAll("\\b" + o.getKey() + "\\b", o.getValue());
    }
    return "invalid strategy parameter: " + m;
  }
}
