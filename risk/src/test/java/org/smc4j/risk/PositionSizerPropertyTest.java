package org.smc4j.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.instrument.ContractType;
import org.smc4j.core.instrument.InstrumentState;
import org.smc4j.core.instrument.Liquidity;
import org.smc4j.core.signal.Side;

/**
 * Properties of {@link PositionSizer} over OKX-like linear swap specs (ctVal 0.0001..1000, lotSz
 * 1/0.1/0.01/0.001, minSz a small multiple of lotSz, tickSz a power of ten a few digits below the
 * price) and random prices. The expected loss is recomputed here from the rule in STRATEGY.md
 * section 8, and the largest size within the risk with {@link BigDecimal#divideToIntegralValue},
 * which is exact, independently of the sizer's own rounding.
 */
class PositionSizerPropertyTest {

  /** One generated trade. */
  record Case(
      ContractSpec spec,
      SizingParameters params,
      Side side,
      double entry,
      double stop,
      BigDecimal slippageTicks) {}

  /** A spec, parameters and an entry on the tick grid, before the stop is chosen. */
  record Setup(ContractSpec spec, SizingParameters params, BigDecimal entry) {}

  @Provide
  Arbitrary<Case> trades() {
    Arbitrary<BigDecimal> ctVal =
        Arbitraries.of("0.0001", "0.001", "0.01", "0.1", "1", "10", "100", "1000")
            .map(BigDecimal::new);
    Arbitrary<BigDecimal> ctMult = Arbitraries.of("1", "1", "1", "10").map(BigDecimal::new);
    Arbitrary<BigDecimal> lot = Arbitraries.of("1", "0.1", "0.01", "0.001").map(BigDecimal::new);
    Arbitrary<Integer> minLots = Arbitraries.of(1, 1, 1, 10, 100);
    Arbitrary<String> maxMkt = Arbitraries.of("1", "50", "12000", "20000", "100000000");
    Arbitrary<BigDecimal> risk =
        Arbitraries.of("1", "1", "1", "0.5", "5", "100", "100000").map(BigDecimal::new);
    Arbitrary<BigDecimal> tolerance = Arbitraries.of("0.1", "0.1", "0", "0.5").map(BigDecimal::new);
    Arbitrary<Liquidity> liquidity = Arbitraries.of(Liquidity.class);
    Arbitrary<BigDecimal> slipTicks = Arbitraries.of("0", "1", "1", "3").map(BigDecimal::new);
    Arbitrary<Boolean> zeroFees = Arbitraries.of(false, false, false, true);
    Arbitrary<MaxSizePolicy> maxSizePolicy = Arbitraries.of(MaxSizePolicy.class);
    Arbitrary<SizingParameters> params =
        Combinators.combine(risk, tolerance, liquidity, slipTicks, zeroFees, maxSizePolicy)
            .as(
                (r, t, l, s, z, m) ->
                    new SizingParameters(
                        r,
                        t,
                        z
                            ? new FeeSchedule(BigDecimal.ZERO, BigDecimal.ZERO)
                            : FeeSchedule.OKX_DEFAULT,
                        l,
                        StopSlippage.ticks(s),
                        BigDecimal.TEN,
                        m));
    // One contract worth about $0.1 .. $10,000 at the entry price, as OKX chooses ctVal.
    Arbitrary<Double> contractNotionalExp = Arbitraries.doubles().between(-1, 4);
    Arbitrary<Integer> tickDigitsBelowPrice = Arbitraries.integers().between(2, 6);
    // Stop offset: mostly on the right side at 0..30 % of the entry, sometimes a sub-tick or
    // exactly-one-tick distance, sometimes the wrong side, sometimes near the min-size boundary.
    Arbitrary<Double> offsetPct = Arbitraries.doubles().between(0, 0.3);
    Arbitrary<Integer> offsetKind = Arbitraries.integers().between(0, 11);
    return Combinators.combine(
            ctVal, ctMult, lot, minLots, maxMkt, params, contractNotionalExp, tickDigitsBelowPrice)
        .as(
            (cv, cm, l, ml, mm, p, nExp, tickDigits) -> {
              BigDecimal units = cv.multiply(cm);
              double entryRaw = Math.pow(10, nExp) / units.doubleValue();
              int priceExp = (int) Math.floor(Math.log10(entryRaw));
              BigDecimal tick = BigDecimal.ONE.scaleByPowerOfTen(priceExp - tickDigits);
              BigDecimal min = l.multiply(BigDecimal.valueOf(ml));
              BigDecimal maxMarket = new BigDecimal(mm).max(min);
              ContractSpec spec =
                  new ContractSpec(
                      "P-USDT-SWAP",
                      ContractType.LINEAR,
                      "USDT",
                      cv,
                      cm,
                      "P",
                      tick,
                      l,
                      min,
                      new BigDecimal("100000000").max(min),
                      maxMarket,
                      InstrumentState.LIVE);
              BigDecimal entry =
                  BigDecimal.valueOf(entryRaw).setScale(tick.scale(), RoundingMode.HALF_UP);
              return new Setup(spec, p, entry);
            })
        .flatMap(
            setup ->
                Combinators.combine(Arbitraries.of(Side.class), offsetPct, offsetKind)
                    .as(
                        (side, pct, kind) -> {
                          ContractSpec spec = setup.spec();
                          SizingParameters p = setup.params();
                          BigDecimal entry = setup.entry();
                          BigDecimal tick = spec.tickSize();
                          BigDecimal distance =
                              switch (kind) {
                                case 0 -> BigDecimal.ZERO;
                                case 1 -> tick.divide(BigDecimal.TWO);
                                case 2 -> tick;
                                // Near the minimum-size boundary: the minimum size alone loses
                                // about risk x (1 + tolerance) x (0.8 .. 1.2) on the price move.
                                case 10, 11 ->
                                    p.riskUsd()
                                        .multiply(BigDecimal.ONE.add(p.tolerance()))
                                        .multiply(BigDecimal.valueOf(0.8 + pct * 4 / 3))
                                        .divide(
                                            spec.minSize().multiply(spec.unitsPerContract()),
                                            tick.scale(),
                                            RoundingMode.HALF_UP);
                                default ->
                                    entry
                                        .multiply(BigDecimal.valueOf(pct))
                                        .setScale(tick.scale(), RoundingMode.HALF_UP);
                              };
                          boolean wrongSide = kind == 9;
                          boolean below = (side == Side.LONG) != wrongSide;
                          BigDecimal stop = below ? entry.subtract(distance) : entry.add(distance);
                          return new Case(
                              spec,
                              p,
                              side,
                              entry.doubleValue(),
                              stop.doubleValue(),
                              p.slippage().amount());
                        }));
  }

  /** The loss of one contract per STRATEGY.md section 8, recomputed from scratch. */
  private static BigDecimal lossPerContract(Case c) {
    BigDecimal units = c.spec().contractValue().multiply(c.spec().contractMultiplier());
    BigDecimal e = new BigDecimal(Double.toString(c.entry()));
    BigDecimal s = new BigDecimal(Double.toString(c.stop()));
    BigDecimal slip = c.slippageTicks().multiply(c.spec().tickSize());
    BigDecimal fill = c.side() == Side.LONG ? s.subtract(slip) : s.add(slip);
    FeeSchedule f = c.params().fees();
    BigDecimal entryRate =
        c.params().entryLiquidity() == Liquidity.MAKER ? f.makerRate() : f.takerRate();
    return e.subtract(s)
        .abs()
        .add(slip)
        .multiply(units)
        .add(entryRate.multiply(e).multiply(units))
        .add(f.takerRate().multiply(fill).multiply(units));
  }

  @Property(tries = 2000)
  void everyAcceptedSizeIsALotMultipleWithinTheRiskAndMaximal(@ForAll("trades") Case c) {
    SizingResult result =
        new PositionSizer(c.params()).size(c.side(), c.entry(), c.stop(), c.spec());
    if (!(result instanceof SizingResult.Sized s)) {
      return;
    }
    ContractSpec spec = c.spec();
    BigDecimal risk = c.params().riskUsd();
    BigDecimal perContract = lossPerContract(c);
    BigDecimal lot = spec.lotSize();
    assertThat(s.contracts().remainder(lot)).isEqualByComparingTo("0");
    assertThat(s.contracts()).isGreaterThanOrEqualTo(spec.minSize());
    assertThat(s.contracts()).isLessThanOrEqualTo(spec.maxSize(c.params().entryLiquidity()));
    assertThat(s.perContract().total()).isEqualByComparingTo(perContract);
    assertThat(s.riskAllIn()).isEqualByComparingTo(s.contracts().multiply(perContract));
    assertThat(s.riskAllIn())
        .isLessThanOrEqualTo(risk.multiply(BigDecimal.ONE.add(c.params().tolerance())));
    Statistics.label("adjustments").collect(s.adjustments().toString());
    BigDecimal oneMoreLot = s.contracts().add(lot).multiply(perContract);
    if (s.adjustments().isEmpty()) {
      assertThat(s.riskAllIn()).isLessThanOrEqualTo(risk);
      assertThat(oneMoreLot).isGreaterThan(risk);
    }
    if (s.adjustments().contains(SizingAdjustment.CAPPED_AT_MAX_SIZE)) {
      assertThat(s.riskAllIn()).isLessThanOrEqualTo(risk);
      assertThat(s.contracts().add(lot)).isGreaterThan(spec.maxSize(c.params().entryLiquidity()));
    }
    if (s.adjustments().contains(SizingAdjustment.RAISED_TO_MIN_SIZE)) {
      assertThat(s.contracts()).isEqualByComparingTo(spec.minSize());
      assertThat(s.riskAllIn()).isGreaterThan(risk);
    }
    assertThat(s.notional())
        .isEqualByComparingTo(s.contracts().multiply(spec.unitsPerContract()).multiply(s.entry()));
    assertThat(s.initialMargin().multiply(c.params().leverage()))
        .isGreaterThanOrEqualTo(s.notional());
  }

  @Property(tries = 1000)
  void theCostFilterRefusesExactlyWhenCostsTakeMoreThanTheShareAndChangesNothingElse(
      @ForAll("trades") Case c, @ForAll("shares") BigDecimal share) {
    SizingResult unfiltered =
        new PositionSizer(c.params()).size(c.side(), c.entry(), c.stop(), c.spec());
    SizingResult filtered =
        new PositionSizer(c.params().withMaxCostShare(share))
            .size(c.side(), c.entry(), c.stop(), c.spec());
    if (!(unfiltered instanceof SizingResult.Sized s)) {
      // refused for another reason, or sized: the filter runs after the price checks only
      boolean priceRefusal =
          unfiltered instanceof SizingResult.Refused r
              && r.reason() != RefusalReason.ABOVE_MAX_SIZE
              && r.reason() != RefusalReason.MIN_SIZE_OVER_TARGET;
      if (priceRefusal) {
        assertThat(filtered).isEqualTo(unfiltered);
      }
      Statistics.label("filter").collect("unfiltered refused");
      return;
    }
    BigDecimal costs = s.perContract().fees().add(s.perContract().slippage());
    boolean tooCostly = costs.compareTo(share.multiply(s.perContract().total())) > 0;
    Statistics.label("filter").collect(tooCostly ? "refused on costs" : "passed");
    if (tooCostly) {
      assertThat(filtered).isInstanceOf(SizingResult.Refused.class);
      assertThat(((SizingResult.Refused) filtered).reason())
          .isEqualTo(RefusalReason.COSTS_TOO_HIGH);
      assertThat(((SizingResult.Refused) filtered).message())
          .startsWith("P-USDT-SWAP")
          .endsWith("over the maximum cost share " + share.toPlainString());
    } else {
      assertThat(filtered).isEqualTo(unfiltered);
    }
  }

  @Provide
  Arbitrary<BigDecimal> shares() {
    return Arbitraries.bigDecimals().between(new BigDecimal("0.001"), BigDecimal.ONE).ofScale(3);
  }

  @Property(tries = 2000)
  void refusalsHappenExactlyWhenTheRulesSay(@ForAll("trades") Case c) {
    SizingResult result =
        new PositionSizer(c.params()).size(c.side(), c.entry(), c.stop(), c.spec());
    BigDecimal e = new BigDecimal(Double.toString(c.entry()));
    BigDecimal s = new BigDecimal(Double.toString(c.stop()));
    ContractSpec spec = c.spec();
    boolean isLong = c.side() == Side.LONG;
    BigDecimal slip = c.slippageTicks().multiply(spec.tickSize());
    RefusalReason expected = null;
    if (e.signum() <= 0 || s.signum() <= 0) {
      expected = RefusalReason.NON_POSITIVE_PRICE;
    } else if (isLong ? s.compareTo(e) > 0 : s.compareTo(e) < 0) {
      expected = RefusalReason.STOP_ON_WRONG_SIDE;
    } else if (e.subtract(s).abs().compareTo(spec.tickSize()) < 0) {
      expected = RefusalReason.STOP_UNDER_ONE_TICK;
    } else if ((isLong ? s.subtract(slip) : s.add(slip)).signum() <= 0) {
      expected = RefusalReason.NON_POSITIVE_PRICE;
    } else {
      BigDecimal perLot = lossPerContract(c).multiply(spec.lotSize());
      BigDecimal lotsWithin = c.params().riskUsd().divideToIntegralValue(perLot);
      BigDecimal maxLots =
          spec.maxSize(c.params().entryLiquidity()).divideToIntegralValue(spec.lotSize());
      BigDecimal minLots = spec.minSize().divideToIntegralValue(spec.lotSize());
      BigDecimal ceiling =
          c.params().riskUsd().multiply(BigDecimal.ONE.add(c.params().tolerance()));
      if (lotsWithin.compareTo(maxLots) > 0 && c.params().maxSizePolicy() == MaxSizePolicy.REFUSE) {
        expected = RefusalReason.ABOVE_MAX_SIZE;
      } else if (lotsWithin.min(maxLots).compareTo(minLots) < 0
          && minLots.multiply(perLot).compareTo(ceiling) > 0) {
        expected = RefusalReason.MIN_SIZE_OVER_TARGET;
      }
    }
    Statistics.label("outcome").collect(expected == null ? "sized" : expected.name());
    if (expected == null) {
      assertThat(result).isInstanceOf(SizingResult.Sized.class);
    } else {
      assertThat(result).isInstanceOf(SizingResult.Refused.class);
      assertThat(((SizingResult.Refused) result).reason()).isEqualTo(expected);
      assertThat(((SizingResult.Refused) result).message()).startsWith("P-USDT-SWAP");
    }
  }
}
