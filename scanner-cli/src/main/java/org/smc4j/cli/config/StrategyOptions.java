package org.smc4j.cli.detect;

import org.smc4j.core.engine.StrategyConfig;
import picocli.CommandLine.Option;

/**
 * The strategy parameters of STRATEGY.md sections 1-7 as command-line options (a picocli mixin),
 * each defaulting to {@link StrategyConfig#DEFAULT}'s value, which {@code --help} shows. {@link
 * #toConfig()} builds the validated {@link StrategyConfig}; a bad value fails there with the
 * parameter's name, value and rule.
 */
public final class StrategyOptions {

  private static final StrategyConfig D = StrategyConfig.DEFAULT;

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
      description = "Only BOS legs get POIs; CHoCH legs are tracked but get none.")
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
      description = "Give signals a second target at the leg end when it is beyond the entry.")
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
   * Builds the configuration from the options.
   *
   * @return the validated configuration
   * @throws IllegalArgumentException naming the first bad parameter, its value and the rule
   */
  public StrategyConfig toConfig() {
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
        atrPeriod);
  }
}
