package org.smc4j.risk;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.instrument.ContractType;
import org.smc4j.core.instrument.InstrumentState;
import org.smc4j.core.instrument.Liquidity;
import org.smc4j.core.signal.Side;

/**
 * Sizes a trade so that a stop-out loses at most a fixed dollar amount, all-in (STRATEGY.md section
 * 8). Stateless and thread-safe.
 *
 * <p>Per contract a stop-out loses {@code (|entry - stop| + slippage) * ctVal * ctMult} plus the
 * entry fee ({@code entryRate * entry * ctVal * ctMult}) and the exit fee at the taker rate on the
 * slipped stop fill. The size is the largest multiple of {@code lotSize} whose total loss is at
 * most {@code riskUsd}, computed exactly in {@link BigDecimal}; then:
 *
 * <ul>
 *   <li>above the venue's maximum for the entry order type, the trade is refused ({@link
 *       RefusalReason#ABOVE_MAX_SIZE}), or with {@link MaxSizePolicy#CAP} capped to that maximum
 *       ({@link SizingAdjustment#CAPPED_AT_MAX_SIZE}, risking less than the target);
 *   <li>below {@code minSize}, the minimum is taken if it loses at most {@code riskUsd * (1 +
 *       tolerance)} ({@link SizingAdjustment#RAISED_TO_MIN_SIZE}), otherwise the trade is refused.
 * </ul>
 *
 * <p>With a cost filter ({@link SizingParameters#maxCostShare()} below 1), a trade whose fees and
 * expected stop slippage take more than that share of the all-in loss per contract is refused
 * ({@link RefusalReason#COSTS_TOO_HIGH}) before it is sized.
 *
 * <p>Refused before any arithmetic: non-finite or non-positive prices, an instrument that is not
 * live, inverse contracts, settle currencies other than USDT/USDC/USD, a stop on the wrong side and
 * a stop closer than one tick. Prices that are off the tick grid are sized as given; callers that
 * place real orders should round the stop away from the entry first.
 */
public final class PositionSizer {

  /** Settle currencies whose amounts are taken as dollars one for one. */
  private static final Set<String> DOLLAR_CURRENCIES = Set.of("USDT", "USDC", "USD");

  private static final int REPORT_SCALE = 8;
  private static final int RATIO_SCALE = 6;

  private final SizingParameters parameters;

  /**
   * Creates a sizer.
   *
   * @param parameters the risk, tolerance, fees, entry liquidity, slippage and leverage
   */
  public PositionSizer(SizingParameters parameters) {
    this.parameters = Objects.requireNonNull(parameters, "parameters");
  }

  /** Returns the parameters this sizer uses. */
  public SizingParameters parameters() {
    return parameters;
  }

  /**
   * Sizes one trade. Never throws for bad prices: they are refused with a reason.
   *
   * @param side long or short
   * @param entry the expected entry price
   * @param stop the stop price
   * @param spec the instrument's contract spec
   * @return a {@link SizingResult.Sized} position or a {@link SizingResult.Refused} trade
   * @throws NullPointerException when {@code side} or {@code spec} is null
   */
  public SizingResult size(Side side, double entry, double stop, ContractSpec spec) {
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(spec, "spec");
    String id = spec.instrumentId();
    if (!Double.isFinite(entry) || !Double.isFinite(stop)) {
      return refuse(
          RefusalReason.NON_FINITE_INPUT,
          "%s: entry %s and stop %s must both be finite numbers",
          id,
          entry,
          stop);
    }
    if (entry <= 0 || stop <= 0) {
      return refuse(
          RefusalReason.NON_POSITIVE_PRICE,
          "%s: entry %s and stop %s must both be > 0",
          id,
          plain(entry),
          plain(stop));
    }
    if (spec.state() != InstrumentState.LIVE) {
      return refuse(
          RefusalReason.INSTRUMENT_NOT_LIVE,
          "%s is in state %s, only live instruments are traded",
          id,
          spec.state().okxName());
    }
    if (spec.type() == ContractType.INVERSE) {
      return refuse(
          RefusalReason.INVERSE_UNSUPPORTED,
          "%s is an inverse (coin-margined) contract; only linear contracts are sized",
          id);
    }
    if (!DOLLAR_CURRENCIES.contains(spec.settleCurrency().toUpperCase(Locale.ROOT))) {
      return refuse(
          RefusalReason.SETTLE_CURRENCY_NOT_USD,
          "%s settles in %s; only USDT, USDC and USD are measured against a dollar risk",
          id,
          spec.settleCurrency());
    }
    BigDecimal entryPrice = BigDecimal.valueOf(entry);
    BigDecimal stopPrice = BigDecimal.valueOf(stop);
    boolean isLong = side == Side.LONG;
    int stopVsEntry = stopPrice.compareTo(entryPrice);
    if ((isLong && stopVsEntry > 0) || (!isLong && stopVsEntry < 0)) {
      return refuse(
          RefusalReason.STOP_ON_WRONG_SIDE,
          "%s: stop %s is %s the %s entry %s; a %s stop must lie %s it",
          id,
          stopPrice.toPlainString(),
          isLong ? "above" : "below",
          isLong ? "long" : "short",
          entryPrice.toPlainString(),
          isLong ? "long's" : "short's",
          isLong ? "below" : "above");
    }
    BigDecimal tick = spec.tickSize();
    BigDecimal distance = entryPrice.subtract(stopPrice).abs();
    if (distance.compareTo(tick) < 0) {
      return refuse(
          RefusalReason.STOP_UNDER_ONE_TICK,
          "%s: stop distance %s (entry %s, stop %s) is under one tick %s",
          id,
          distance.toPlainString(),
          entryPrice.toPlainString(),
          stopPrice.toPlainString(),
          tick.toPlainString());
    }
    BigDecimal slip = parameters.slippage().inPrice(tick);
    BigDecimal stopFill = isLong ? stopPrice.subtract(slip) : stopPrice.add(slip);
    if (stopFill.signum() <= 0) {
      return refuse(
          RefusalReason.NON_POSITIVE_PRICE,
          "%s: stop %s with slippage %s would fill at %s, which is not > 0",
          id,
          stopPrice.toPlainString(),
          slip.toPlainString(),
          stopFill.toPlainString());
    }

    BigDecimal units = spec.unitsPerContract();
    FeeSchedule fees = parameters.fees();
    LossBreakdown perContract =
        new LossBreakdown(
            distance.multiply(units),
            slip.multiply(units),
            fees.rate(parameters.entryLiquidity()).multiply(entryPrice).multiply(units),
            fees.takerRate().multiply(stopFill).multiply(units));
    BigDecimal lossPerContract = perContract.total();
    BigDecimal costs = perContract.fees().add(perContract.slippage());
    BigDecimal maxCostShare = parameters.maxCostShare();
    // costs / total > share, compared as costs > share * total: exact, no rounded quotient
    if (costs.compareTo(maxCostShare.multiply(lossPerContract)) > 0) {
      return refuse(
          RefusalReason.COSTS_TOO_HIGH,
          "%s: fees %s and stop slippage %s per contract take %s of the all-in risk %s per"
              + " contract (stop distance %s), over the maximum cost share %s",
          id,
          scaled(perContract.fees()),
          scaled(perContract.slippage()),
          costs.divide(lossPerContract, RATIO_SCALE, RoundingMode.HALF_UP).toPlainString(),
          scaled(lossPerContract),
          scaled(distance),
          maxCostShare.toPlainString());
    }
    BigDecimal risk = parameters.riskUsd();
    BigDecimal lot = spec.lotSize();
    BigDecimal lossPerLot = lossPerContract.multiply(lot);

    Set<SizingAdjustment> adjustments = EnumSet.noneOf(SizingAdjustment.class);
    BigInteger maxLots =
        spec.maxSize(parameters.entryLiquidity()).divide(lot, 0, RoundingMode.FLOOR).toBigInteger();
    // Searching up to maxLots + 1 tells "capped" apart from "exactly the maximum fits", and keeps
    // the search short even for an absurdly large risk.
    BigInteger lots = maxLotsWithin(risk, lossPerLot, maxLots.add(BigInteger.ONE));
    if (lots.compareTo(maxLots) > 0) {
      if (parameters.maxSizePolicy() == MaxSizePolicy.REFUSE) {
        return refuse(
            RefusalReason.ABOVE_MAX_SIZE,
            "%s: the risk %s buys more than the venue's maximum %s order of %s contracts"
                + " (%s per contract all-in at the stop); cap it explicitly to trade the maximum",
            id,
            risk.toPlainString(),
            parameters.entryLiquidity() == Liquidity.MAKER ? "limit" : "market",
            spec.maxSize(parameters.entryLiquidity()).toPlainString(),
            scaled(lossPerContract));
      }
      lots = maxLots;
      adjustments.add(SizingAdjustment.CAPPED_AT_MAX_SIZE);
    }
    // minSize is a multiple of lotSize (ContractSpec checks it), so this division is exact.
    BigInteger minLots = spec.minSize().divide(lot).toBigIntegerExact();
    if (lots.compareTo(minLots) < 0) {
      BigDecimal minLoss = new BigDecimal(minLots).multiply(lossPerLot);
      BigDecimal ceiling = risk.multiply(BigDecimal.ONE.add(parameters.tolerance()));
      if (minLoss.compareTo(ceiling) > 0) {
        return refuse(
            RefusalReason.MIN_SIZE_OVER_TARGET,
            "%s: the minimum size %s contracts would lose %s all-in at the stop (%s per contract),"
                + " over the risk %s x (1 + tolerance %s) = %s",
            id,
            spec.minSize().toPlainString(),
            scaled(minLoss),
            scaled(lossPerContract),
            risk.toPlainString(),
            parameters.tolerance().toPlainString(),
            ceiling.toPlainString());
      }
      lots = minLots;
      adjustments.add(SizingAdjustment.RAISED_TO_MIN_SIZE);
    }

    BigDecimal contracts = new BigDecimal(lots).multiply(lot);
    BigDecimal notional = contracts.multiply(units).multiply(entryPrice);
    BigDecimal margin =
        notional
            .divide(parameters.leverage(), REPORT_SCALE, RoundingMode.CEILING)
            .stripTrailingZeros();
    BigDecimal riskAllIn = contracts.multiply(lossPerContract);
    return new SizingResult.Sized(
        id,
        side,
        entryPrice,
        stopPrice,
        stopFill,
        distance,
        distance.divide(tick, MathContext.DECIMAL64),
        perContract,
        risk.divide(lossPerContract, REPORT_SCALE, RoundingMode.DOWN),
        contracts,
        notional,
        margin,
        riskAllIn,
        risk,
        riskAllIn.divide(risk, RATIO_SCALE, RoundingMode.HALF_UP),
        adjustments);
  }

  /**
   * The largest {@code n} in {@code [0, bound]} with {@code n * lossPerLot <= risk}. The quotient
   * is estimated with 34 significant digits, which can land one step off across an integer; exact
   * products then correct it, so the loops run at most a few times.
   */
  private static BigInteger maxLotsWithin(
      BigDecimal risk, BigDecimal lossPerLot, BigInteger bound) {
    BigInteger n =
        risk.divide(lossPerLot, MathContext.DECIMAL128)
            .setScale(0, RoundingMode.FLOOR)
            .toBigInteger()
            .min(bound);
    while (n.signum() > 0 && new BigDecimal(n).multiply(lossPerLot).compareTo(risk) > 0) {
      n = n.subtract(BigInteger.ONE);
    }
    while (n.compareTo(bound) < 0
        && new BigDecimal(n.add(BigInteger.ONE)).multiply(lossPerLot).compareTo(risk) <= 0) {
      n = n.add(BigInteger.ONE);
    }
    return n;
  }

  private static SizingResult.Refused refuse(RefusalReason reason, String format, Object... args) {
    return new SizingResult.Refused(reason, String.format(Locale.ROOT, format, args));
  }

  private static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static String scaled(BigDecimal value) {
    return value.setScale(REPORT_SCALE, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }
}
