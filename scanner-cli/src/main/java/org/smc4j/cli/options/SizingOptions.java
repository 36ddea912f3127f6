package org.smc4j.cli.options;

import java.math.BigDecimal;
import java.util.function.Function;
import org.smc4j.core.instrument.Liquidity;
import org.smc4j.risk.FeeSchedule;
import org.smc4j.risk.MaxSizePolicy;
import org.smc4j.risk.SizingParameters;
import org.smc4j.risk.StopSlippage;
import picocli.CommandLine.Option;

/**
 * The sizing parameters of the {@code risk} section as command-line options (a picocli mixin of
 * {@code size}). An option given overrides the configuration file's value; {@link
 * #applyTo(SizingParameters)} builds the validated result, and a bad value fails there naming the
 * option.
 */
public final class SizingOptions {

  @Option(
      names = "--risk",
      paramLabel = "USD",
      description = "Dollar risk, all-in (default: risk.risk-usd, built in 1).")
  BigDecimal risk;

  @Option(
      names = "--tolerance",
      paramLabel = "FRACTION",
      description =
          "How far above the risk the minimum size alone may go (default: risk.tolerance, built"
              + " in 0.1).")
  BigDecimal tolerance;

  @Option(
      names = "--leverage",
      paramLabel = "X",
      description =
          "Isolated-margin leverage for the initial margin (default: risk.leverage, built in 10).")
  BigDecimal leverage;

  @Option(
      names = "--maker",
      description =
          "The entry rests as a limit order: maker fee and the maximum limit-order size (default:"
              + " market entry, taker fee, maximum market size). The stop always pays taker.")
  boolean maker;

  @Option(
      names = "--cap-at-max-size",
      description =
          "When the risk buys more than the venue's maximum order size, take the maximum (risking"
              + " less than --risk) instead of refusing the trade.")
  boolean capAtMaxSize;

  @Option(
      names = "--slippage-ticks",
      paramLabel = "N",
      description = "Expected stop slippage in ticks (default: risk.stop-slippage, built in 1).")
  BigDecimal slippageTicks;

  @Option(
      names = "--slippage-price",
      paramLabel = "AMOUNT",
      description = "Expected stop slippage as a price amount (instead of --slippage-ticks).")
  BigDecimal slippagePrice;

  @Option(
      names = "--maker-fee",
      paramLabel = "RATE",
      description =
          "Maker fee as a fraction (default: risk.fees.maker, built in 0.0002 = OKX Lv1 0.02 %%).")
  BigDecimal makerFee;

  @Option(
      names = "--taker-fee",
      paramLabel = "RATE",
      description =
          "Taker fee as a fraction (default: risk.fees.taker, built in 0.0005 = OKX Lv1 0.05 %%).")
  BigDecimal takerFee;

  /** Creates the options (picocli). */
  public SizingOptions() {}

  /**
   * Returns the given sizing with each option given applied over it.
   *
   * @param fromFile the configuration's sizing (or the built-in default)
   * @return the sizing to use
   * @throws IllegalArgumentException naming the option, e.g. {@code --risk: riskUsd must be > 0,
   *     was -1}, or when both slippage options are given
   */
  public SizingParameters applyTo(SizingParameters fromFile) {
    if (slippageTicks != null && slippagePrice != null) {
      throw new IllegalArgumentException(
          "give either --slippage-ticks or --slippage-price, not both");
    }
    SizingParameters p = fromFile;
    String slippage = "--slippage-ticks/--slippage-price";
    if (slippagePrice != null) {
      p = apply(p, slippage, q -> q.withSlippage(StopSlippage.price(slippagePrice)));
    } else if (slippageTicks != null) {
      p = apply(p, slippage, q -> q.withSlippage(StopSlippage.ticks(slippageTicks)));
    }
    if (risk != null) {
      p = apply(p, "--risk", q -> q.withRiskUsd(risk));
    }
    if (tolerance != null) {
      p = apply(p, "--tolerance", q -> q.withTolerance(tolerance));
    }
    if (makerFee != null) {
      p = apply(p, "--maker-fee", q -> q.withFees(new FeeSchedule(makerFee, q.fees().takerRate())));
    }
    if (takerFee != null) {
      p = apply(p, "--taker-fee", q -> q.withFees(new FeeSchedule(q.fees().makerRate(), takerFee)));
    }
    if (maker) {
      p = p.withEntryLiquidity(Liquidity.MAKER);
    }
    if (leverage != null) {
      p = apply(p, "--leverage", q -> q.withLeverage(leverage));
    }
    if (capAtMaxSize) {
      p = p.withMaxSizePolicy(MaxSizePolicy.CAP);
    }
    return p;
  }

  private static SizingParameters apply(
      SizingParameters p, String option, Function<SizingParameters, SizingParameters> change) {
    try {
      return change.apply(p);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
    }
  }
}
