package org.smc4j.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smc4j.risk.RealSpecs.BTC_USDT_SWAP;
import static org.smc4j.risk.RealSpecs.BTC_USD_SWAP;
import static org.smc4j.risk.RealSpecs.ETH_USDT_SWAP;

import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.instrument.ContractType;
import org.smc4j.core.instrument.InstrumentState;
import org.smc4j.core.instrument.Liquidity;
import org.smc4j.core.signal.Side;

class PositionSizerTest {

  private static final PositionSizer DEFAULT = new PositionSizer(SizingParameters.DEFAULT);

  private static SizingResult.Sized sized(SizingResult result) {
    assertThat(result).isInstanceOf(SizingResult.Sized.class);
    return (SizingResult.Sized) result;
  }

  private static SizingResult.Refused refused(SizingResult result) {
    assertThat(result).isInstanceOf(SizingResult.Refused.class);
    return (SizingResult.Refused) result;
  }

  @Test
  void shouldSizeBtcLongWorkedByHand() {
    // BTC-USDT-SWAP, long, entry 65000, stop 64800, $1, taker entry, 1 tick slippage, 10x.
    // distance 200 = 2000 ticks of 0.1; one contract = ctVal 0.01 x ctMult 1 = 0.01 BTC.
    // price move   200 x 0.01                    = 2
    // slippage     0.1 x 0.01                    = 0.001
    // entry fee    0.0005 x 65000 x 0.01         = 0.325
    // exit fee     0.0005 x 64799.9 x 0.01       = 0.3239995 (at the slipped stop fill)
    // per contract                               = 2.6499995
    // ideal 1 / 2.6499995 = 0.377358561... -> floor to lot 0.01 -> 0.37 (0.38 would lose
    // 1.00699981)
    // notional 0.37 x 0.01 x 65000 = 240.5; margin 240.5 / 10 = 24.05
    // risk all-in 0.37 x 2.6499995 = 0.980499815; ratio 0.980500
    SizingResult.Sized s = sized(DEFAULT.size(Side.LONG, 65000, 64800, BTC_USDT_SWAP));
    assertThat(s.distance()).isEqualByComparingTo("200");
    assertThat(s.distanceTicks()).isEqualByComparingTo("2000");
    assertThat(s.stopFill()).isEqualByComparingTo("64799.9");
    assertThat(s.perContract().priceMove()).isEqualByComparingTo("2");
    assertThat(s.perContract().slippage()).isEqualByComparingTo("0.001");
    assertThat(s.perContract().entryFee()).isEqualByComparingTo("0.325");
    assertThat(s.perContract().exitFee()).isEqualByComparingTo("0.3239995");
    assertThat(s.perContract().total()).isEqualByComparingTo("2.6499995");
    assertThat(s.idealContracts()).isEqualByComparingTo("0.37735856");
    assertThat(s.contracts()).isEqualByComparingTo("0.37");
    assertThat(s.notional()).isEqualByComparingTo("240.5");
    assertThat(s.initialMargin()).isEqualByComparingTo("24.05");
    assertThat(s.riskAllIn()).isEqualByComparingTo("0.980499815");
    assertThat(s.riskRatio()).isEqualByComparingTo("0.9805");
    assertThat(s.adjustments()).isEmpty();
  }

  @Test
  void shouldRefuseATradeWhoseCostsTakeMoreThanTheMaximumShareOfItsRisk() {
    // The BTC long worked above: costs per contract = fees 0.325 + 0.3239995 = 0.6489995 plus
    // slippage 0.001 = 0.6499995 of the all-in 2.6499995, a share of 0.2452829...
    // 0.2452 x 2.6499995 = 0.64977987... < 0.6499995: refused; 0.2453 x 2.6499995 = 0.65004487...
    // >= 0.6499995: sized as without the filter.
    PositionSizer strict =
        new PositionSizer(SizingParameters.DEFAULT.withMaxCostShare(new BigDecimal("0.2452")));
    SizingResult.Refused r = refused(strict.size(Side.LONG, 65000, 64800, BTC_USDT_SWAP));
    assertThat(r.reason()).isEqualTo(RefusalReason.COSTS_TOO_HIGH);
    assertThat(r.message())
        .isEqualTo(
            "BTC-USDT-SWAP: fees 0.6489995 and stop slippage 0.001 per contract take 0.245283 of"
                + " the all-in risk 2.6499995 per contract (stop distance 200), over the maximum"
                + " cost share 0.2452");
    PositionSizer loose =
        new PositionSizer(SizingParameters.DEFAULT.withMaxCostShare(new BigDecimal("0.2453")));
    assertThat(loose.size(Side.LONG, 65000, 64800, BTC_USDT_SWAP))
        .isEqualTo(DEFAULT.size(Side.LONG, 65000, 64800, BTC_USDT_SWAP));
  }

  @Test
  void shouldRefuseATightStopOnCostsButSizeAWideOne() {
    // Same filter (costs at most 20 % of the risk), same entry: a 30-dollar stop pays about the
    // same 0.65 of costs per contract as a 2000-dollar one, so only the wide one passes.
    PositionSizer filter =
        new PositionSizer(SizingParameters.DEFAULT.withMaxCostShare(new BigDecimal("0.2")));
    assertThat(refused(filter.size(Side.SHORT, 65000, 65030, BTC_USDT_SWAP)).reason())
        .isEqualTo(RefusalReason.COSTS_TOO_HIGH);
    assertThat(sized(filter.size(Side.SHORT, 65000, 67000, BTC_USDT_SWAP)).contracts())
        .isPositive();
  }

  @Test
  void shouldSizeBtcLongWithMakerEntryFeeWorkedByHand() {
    // As above but the entry rests (maker 0.0002): entry fee 0.0002 x 65000 x 0.01 = 0.13,
    // per contract 2 + 0.001 + 0.13 + 0.3239995 = 2.4549995; 1 / 2.4549995 = 0.4073... -> 0.40;
    // risk 0.40 x 2.4549995 = 0.9819998.
    PositionSizer maker =
        new PositionSizer(SizingParameters.DEFAULT.withEntryLiquidity(Liquidity.MAKER));
    SizingResult.Sized s = sized(maker.size(Side.LONG, 65000, 64800, BTC_USDT_SWAP));
    assertThat(s.perContract().entryFee()).isEqualByComparingTo("0.13");
    assertThat(s.contracts()).isEqualByComparingTo("0.40");
    assertThat(s.riskAllIn()).isEqualByComparingTo("0.9819998");
  }

  @Test
  void shouldSizeEthShortWorkedByHand() {
    // ETH-USDT-SWAP, short, entry 3500, stop 3535; distance 35 = 3500 ticks of 0.01; unit 0.1 ETH.
    // price move 35 x 0.1 = 3.5; slippage 0.01 x 0.1 = 0.001 (the short's stop fills at 3535.01);
    // entry fee 0.0005 x 3500 x 0.1 = 0.175; exit fee 0.0005 x 3535.01 x 0.1 = 0.1767505;
    // per contract 3.8527505; 1 / 3.8527505 = 0.25955... -> 0.25 contracts;
    // notional 0.25 x 0.1 x 3500 = 87.5, margin at 10x 8.75; risk 0.25 x 3.8527505 = 0.963187625.
    SizingResult.Sized s = sized(DEFAULT.size(Side.SHORT, 3500, 3535, ETH_USDT_SWAP));
    assertThat(s.distanceTicks()).isEqualByComparingTo("3500");
    assertThat(s.stopFill()).isEqualByComparingTo("3535.01");
    assertThat(s.perContract().total()).isEqualByComparingTo("3.8527505");
    assertThat(s.contracts()).isEqualByComparingTo("0.25");
    assertThat(s.notional()).isEqualByComparingTo("87.5");
    assertThat(s.initialMargin()).isEqualByComparingTo("8.75");
    assertThat(s.riskAllIn()).isEqualByComparingTo("0.963187625");
    assertThat(s.riskRatio()).isEqualByComparingTo("0.963188");
  }

  @Test
  void shouldRaiseToMinSizeWhenItStaysWithinTolerance() {
    // BTC long 65000 -> 54100: per contract 10900 x 0.01 = 109 + 0.001 + 0.325
    // + 0.0005 x 54099.9 x 0.01 = 0.2704995 -> 109.5964995; 1 / that = 0.0091 < minSz 0.01.
    // The minimum 0.01 loses 1.095964995 <= 1.1 (= $1 x 1.1): accepted, flagged, ratio 1.095965.
    SizingResult.Sized s = sized(DEFAULT.size(Side.LONG, 65000, 54100, BTC_USDT_SWAP));
    assertThat(s.contracts()).isEqualByComparingTo("0.01");
    assertThat(s.riskAllIn()).isEqualByComparingTo("1.095964995");
    assertThat(s.riskRatio()).isEqualByComparingTo("1.095965");
    assertThat(s.adjustments()).containsExactly(SizingAdjustment.RAISED_TO_MIN_SIZE);
  }

  @Test
  void shouldRefuseWhenMinSizeAloneExceedsTargetTimesOnePlusTolerance() {
    // BTC long 65000 -> 54000: per contract 110 + 0.001 + 0.325 + 0.0005 x 53999.9 x 0.01
    // = 110.5959995; the minimum 0.01 loses 1.105959995 > 1.1.
    SizingResult.Refused r = refused(DEFAULT.size(Side.LONG, 65000, 54000, BTC_USDT_SWAP));
    assertThat(r.reason()).isEqualTo(RefusalReason.MIN_SIZE_OVER_TARGET);
    assertThat(r.message())
        .isEqualTo(
            "BTC-USDT-SWAP: the minimum size 0.01 contracts would lose 1.10596 all-in at the"
                + " stop (110.5959995 per contract), over the risk 1 x (1 + tolerance 0.1) = 1.1");
  }

  @Test
  void shouldRefuseASizeAboveMaxMarketSizeByDefault() {
    // ETH short 3500 -> 3535 with a $100000 risk: per contract 35 x 0.1 = 3.5, slippage 0.001,
    // entry fee 0.0005 x 3500 x 0.1 = 0.175, exit fee 0.0005 x 3535.01 x 0.1 = 0.1767505:
    // 3.8527505 in all; 100000 / 3.8527505 = 25955.48 contracts, above maxMktSz 20000.
    PositionSizer big =
        new PositionSizer(SizingParameters.DEFAULT.withRiskUsd(new BigDecimal("100000")));
    SizingResult.Refused r = refused(big.size(Side.SHORT, 3500, 3535, ETH_USDT_SWAP));
    assertThat(r.reason()).isEqualTo(RefusalReason.ABOVE_MAX_SIZE);
    assertThat(r.message())
        .isEqualTo(
            "ETH-USDT-SWAP: the risk 100000 buys more than the venue's maximum market order of"
                + " 20000 contracts (3.8527505 per contract all-in at the stop); cap it explicitly"
                + " to trade the maximum");
  }

  @Test
  void shouldCapAtMaxMarketSizeAndRiskLessThanTarget() {
    // ETH short 3500 -> 3535 with a $100000 risk: 100000 / 3.8527505 = 25955.48 contracts, above
    // maxMktSz 20000, so capped at 20000 losing 20000 x 3.8527505 = 77055.01.
    PositionSizer big =
        new PositionSizer(
            SizingParameters.DEFAULT
                .withRiskUsd(new BigDecimal("100000"))
                .withMaxSizePolicy(MaxSizePolicy.CAP));
    SizingResult.Sized s = sized(big.size(Side.SHORT, 3500, 3535, ETH_USDT_SWAP));
    assertThat(s.contracts()).isEqualByComparingTo("20000");
    assertThat(s.riskAllIn()).isEqualByComparingTo("77055.01");
    assertThat(s.adjustments()).containsExactly(SizingAdjustment.CAPPED_AT_MAX_SIZE);
  }

  @Test
  void shouldCapQuicklyEvenForAnAbsurdRisk() {
    PositionSizer absurd =
        new PositionSizer(
            SizingParameters.DEFAULT
                .withRiskUsd(new BigDecimal("1E+40"))
                .withMaxSizePolicy(MaxSizePolicy.CAP));
    SizingResult.Sized s = sized(absurd.size(Side.LONG, 65000, 64800, BTC_USDT_SWAP));
    assertThat(s.contracts()).isEqualByComparingTo("12000");
    assertThat(s.adjustments()).containsExactly(SizingAdjustment.CAPPED_AT_MAX_SIZE);
  }

  @Test
  void shouldNotFlagACapWhenExactlyTheMaximumFits() {
    // A spec whose maxMktSz is 0.37, the size $1 buys on the worked BTC example: not capped.
    ContractSpec tight =
        new ContractSpec(
            "BTC-USDT-SWAP",
            ContractType.LINEAR,
            "USDT",
            new BigDecimal("0.01"),
            BigDecimal.ONE,
            "BTC",
            new BigDecimal("0.1"),
            new BigDecimal("0.01"),
            new BigDecimal("0.01"),
            new BigDecimal("100000000"),
            new BigDecimal("0.37"),
            InstrumentState.LIVE);
    SizingResult.Sized s = sized(DEFAULT.size(Side.LONG, 65000, 64800, tight));
    assertThat(s.contracts()).isEqualByComparingTo("0.37");
    assertThat(s.adjustments()).isEmpty();
  }

  @Test
  void shouldUseMaxLimitSizeForMakerEntries() {
    // Same trade as a resting limit: maxLmtSz 1e8 does not bind; per contract 3.5 + 0.001
    // + 0.0002 x 3500 x 0.1 = 0.07 + 0.1767505 = 3.7477505 -> 100000 / 3.7477505 = 26682.672... ->
    // 26682.67
    PositionSizer big =
        new PositionSizer(
            SizingParameters.DEFAULT
                .withRiskUsd(new BigDecimal("100000"))
                .withEntryLiquidity(Liquidity.MAKER));
    SizingResult.Sized s = sized(big.size(Side.SHORT, 3500, 3535, ETH_USDT_SWAP));
    assertThat(s.contracts()).isEqualByComparingTo("26682.67");
    assertThat(s.adjustments()).isEmpty();
  }

  @Test
  void shouldProduceExactMultiplesOfLotWhereDoublesWouldDrift() {
    // lot 0.1: 0.1 + 0.2 in double is 0.30000000000000004; the size must be exactly 0.3.
    // One contract = 1 unit; long 100 -> 97 with no fees or slippage loses 3 per contract;
    // $1 / 3 = 0.333 -> 0.3 contracts, losing exactly 0.9.
    ContractSpec spec =
        new ContractSpec(
            "X-USDT-SWAP",
            ContractType.LINEAR,
            "USDT",
            BigDecimal.ONE,
            BigDecimal.ONE,
            "X",
            new BigDecimal("0.1"),
            new BigDecimal("0.1"),
            new BigDecimal("0.1"),
            new BigDecimal("1000"),
            new BigDecimal("1000"),
            InstrumentState.LIVE);
    PositionSizer noCosts =
        new PositionSizer(
            SizingParameters.DEFAULT
                .withFees(new FeeSchedule(BigDecimal.ZERO, BigDecimal.ZERO))
                .withSlippage(StopSlippage.ticks(BigDecimal.ZERO)));
    SizingResult.Sized s = sized(noCosts.size(Side.LONG, 100, 97, spec));
    assertThat(s.contracts()).isEqualTo(new BigDecimal("0.3"));
    assertThat(s.riskAllIn()).isEqualByComparingTo("0.9");
    // A loss of exactly the target is allowed: 100 -> 90 loses 10 per contract, 0.1 loses 1.
    SizingResult.Sized exact = sized(noCosts.size(Side.LONG, 100, 90, spec));
    assertThat(exact.contracts()).isEqualTo(new BigDecimal("0.1"));
    assertThat(exact.riskAllIn()).isEqualByComparingTo("1");
    assertThat(exact.adjustments()).isEmpty();
  }

  @Test
  void shouldTakeSlippageInPriceUnits() {
    // BTC long 65000 -> 64800 with 5 USDT of slippage: fill 64795; slippage 5 x 0.01 = 0.05,
    // exit fee 0.0005 x 64795 x 0.01 = 0.323975; per contract 2 + 0.05 + 0.325 + 0.323975
    // = 2.698975 -> 1 / 2.698975 = 0.3705 -> 0.37.
    PositionSizer slip =
        new PositionSizer(
            SizingParameters.DEFAULT.withSlippage(StopSlippage.price(new BigDecimal("5"))));
    SizingResult.Sized s = sized(slip.size(Side.LONG, 65000, 64800, BTC_USDT_SWAP));
    assertThat(s.stopFill()).isEqualByComparingTo("64795");
    assertThat(s.perContract().total()).isEqualByComparingTo("2.698975");
    assertThat(s.contracts()).isEqualByComparingTo("0.37");
  }

  @Test
  void shouldComputeMarginAtTheConfiguredLeverage() {
    // 240.5 notional at 3x = 80.1666666... rounded up to 8 decimals: 80.16666667.
    PositionSizer three =
        new PositionSizer(SizingParameters.DEFAULT.withLeverage(new BigDecimal("3")));
    SizingResult.Sized s = sized(three.size(Side.LONG, 65000, 64800, BTC_USDT_SWAP));
    assertThat(s.initialMargin()).isEqualByComparingTo("80.16666667");
  }

  @Test
  void shouldRefuseLongStopAboveEntry() {
    SizingResult.Refused r = refused(DEFAULT.size(Side.LONG, 65000, 65200, BTC_USDT_SWAP));
    assertThat(r.reason()).isEqualTo(RefusalReason.STOP_ON_WRONG_SIDE);
    assertThat(r.message())
        .isEqualTo(
            "BTC-USDT-SWAP: stop 65200.0 is above the long entry 65000.0; a long's stop must lie"
                + " below it");
  }

  @Test
  void shouldRefuseShortStopBelowEntry() {
    SizingResult.Refused r = refused(DEFAULT.size(Side.SHORT, 3500, 3400, ETH_USDT_SWAP));
    assertThat(r.reason()).isEqualTo(RefusalReason.STOP_ON_WRONG_SIDE);
    assertThat(r.message()).contains("stop 3400.0 is below the short entry 3500.0");
  }

  @Test
  void shouldRefuseStopUnderOneTickIncludingEqualToEntry() {
    SizingResult.Refused close = refused(DEFAULT.size(Side.LONG, 65000, 64999.95, BTC_USDT_SWAP));
    assertThat(close.reason()).isEqualTo(RefusalReason.STOP_UNDER_ONE_TICK);
    assertThat(close.message())
        .isEqualTo(
            "BTC-USDT-SWAP: stop distance 0.05 (entry 65000.0, stop 64999.95) is under one tick"
                + " 0.1");
    SizingResult.Refused equal = refused(DEFAULT.size(Side.SHORT, 65000, 65000, BTC_USDT_SWAP));
    assertThat(equal.reason()).isEqualTo(RefusalReason.STOP_UNDER_ONE_TICK);
  }

  @Test
  void shouldAcceptStopExactlyOneTickAway() {
    // 1 tick: per contract 0.1 x 0.01 = 0.001 + 0.001 + 0.325 + 0.0005 x 64999.8 x 0.01 = 0.324999
    // = 0.651999 -> 1 / 0.651999 = 1.5337 -> 1.53 contracts.
    SizingResult.Sized s = sized(DEFAULT.size(Side.LONG, 65000, 64999.9, BTC_USDT_SWAP));
    assertThat(s.distanceTicks()).isEqualByComparingTo("1");
    assertThat(s.contracts()).isEqualByComparingTo("1.53");
  }

  @Test
  void shouldRefuseNonFiniteInput() {
    for (double bad :
        new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      SizingResult.Refused entry = refused(DEFAULT.size(Side.LONG, bad, 64800, BTC_USDT_SWAP));
      assertThat(entry.reason()).isEqualTo(RefusalReason.NON_FINITE_INPUT);
      assertThat(entry.message())
          .isEqualTo(
              "BTC-USDT-SWAP: entry " + bad + " and stop 64800.0 must both be finite numbers");
      SizingResult.Refused stop = refused(DEFAULT.size(Side.LONG, 65000, bad, BTC_USDT_SWAP));
      assertThat(stop.reason()).isEqualTo(RefusalReason.NON_FINITE_INPUT);
    }
  }

  @Test
  void shouldRefuseNonPositivePrices() {
    SizingResult.Refused r = refused(DEFAULT.size(Side.SHORT, 0, 10, BTC_USDT_SWAP));
    assertThat(r.reason()).isEqualTo(RefusalReason.NON_POSITIVE_PRICE);
    assertThat(r.message()).isEqualTo("BTC-USDT-SWAP: entry 0 and stop 10 must both be > 0");
    assertThat(refused(DEFAULT.size(Side.LONG, 10, -1, BTC_USDT_SWAP)).reason())
        .isEqualTo(RefusalReason.NON_POSITIVE_PRICE);
  }

  @Test
  void shouldRefuseWhenSlippageWouldPushTheStopFillToZero() {
    // Long 1.0 -> 0.1 with one tick (0.1) of slippage fills at 0: no meaningful size.
    SizingResult.Refused r = refused(DEFAULT.size(Side.LONG, 1.0, 0.1, BTC_USDT_SWAP));
    assertThat(r.reason()).isEqualTo(RefusalReason.NON_POSITIVE_PRICE);
    assertThat(r.message())
        .isEqualTo("BTC-USDT-SWAP: stop 0.1 with slippage 0.1 would fill at 0.0, which is not > 0");
  }

  @Test
  void shouldRefuseInverseContracts() {
    SizingResult.Refused r = refused(DEFAULT.size(Side.LONG, 65000, 64800, BTC_USD_SWAP));
    assertThat(r.reason()).isEqualTo(RefusalReason.INVERSE_UNSUPPORTED);
    assertThat(r.message())
        .isEqualTo(
            "BTC-USD-SWAP is an inverse (coin-margined) contract; only linear contracts are sized");
  }

  @Test
  void shouldRefuseInstrumentsThatAreNotLive() {
    ContractSpec suspended =
        new ContractSpec(
            "BTC-USDT-SWAP",
            ContractType.LINEAR,
            "USDT",
            new BigDecimal("0.01"),
            BigDecimal.ONE,
            "BTC",
            new BigDecimal("0.1"),
            new BigDecimal("0.01"),
            new BigDecimal("0.01"),
            new BigDecimal("100000000"),
            new BigDecimal("12000"),
            InstrumentState.SUSPEND);
    SizingResult.Refused r = refused(DEFAULT.size(Side.LONG, 65000, 64800, suspended));
    assertThat(r.reason()).isEqualTo(RefusalReason.INSTRUMENT_NOT_LIVE);
    assertThat(r.message())
        .isEqualTo("BTC-USDT-SWAP is in state suspend, only live instruments are traded");
  }

  @Test
  void shouldRefuseLinearContractsSettledInACoin() {
    ContractSpec coinSettled =
        new ContractSpec(
            "ETH-BTC-SWAP",
            ContractType.LINEAR,
            "BTC",
            new BigDecimal("0.1"),
            BigDecimal.ONE,
            "ETH",
            new BigDecimal("0.00001"),
            new BigDecimal("1"),
            new BigDecimal("1"),
            new BigDecimal("1000"),
            new BigDecimal("1000"),
            InstrumentState.LIVE);
    SizingResult.Refused r = refused(DEFAULT.size(Side.LONG, 0.05, 0.049, coinSettled));
    assertThat(r.reason()).isEqualTo(RefusalReason.SETTLE_CURRENCY_NOT_USD);
    assertThat(r.message())
        .isEqualTo(
            "ETH-BTC-SWAP settles in BTC; only USDT, USDC and USD are measured against a dollar"
                + " risk");
  }

  @Test
  void shouldRejectNullArguments() {
    assertThatThrownBy(() -> new PositionSizer(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("parameters");
    assertThatThrownBy(() -> DEFAULT.size(null, 1, 2, BTC_USDT_SWAP))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("side");
    assertThatThrownBy(() -> DEFAULT.size(Side.LONG, 1, 2, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("spec");
  }

  @Test
  void shouldRejectInvalidResultRecords() {
    assertThatThrownBy(() -> new SizingResult.Refused(RefusalReason.NON_FINITE_INPUT, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("message must not be blank");
    SizingResult.Sized s = sized(DEFAULT.size(Side.LONG, 65000, 64800, BTC_USDT_SWAP));
    assertThatThrownBy(
            () ->
                new SizingResult.Sized(
                    s.instrumentId(),
                    s.side(),
                    s.entry(),
                    s.stop(),
                    s.stopFill(),
                    s.distance(),
                    s.distanceTicks(),
                    s.perContract(),
                    s.idealContracts(),
                    BigDecimal.ZERO,
                    s.notional(),
                    s.initialMargin(),
                    s.riskAllIn(),
                    s.targetRisk(),
                    s.riskRatio(),
                    Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("contracts must be > 0, was 0");
  }

  @Test
  void shouldRejectInvalidLossBreakdown() {
    assertThatThrownBy(
            () ->
                new LossBreakdown(
                    new BigDecimal("-1"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("priceMove must be >= 0, was -1");
    assertThatThrownBy(
            () ->
                new LossBreakdown(
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("loss per contract must be > 0, was 0");
  }
}
