package org.smc4j.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.smc4j.core.instrument.Liquidity;

class SizingParametersTest {

  @Test
  void shouldDefaultToOneDollarTenPercentOkxFeesTakerOneTickTenX() {
    SizingParameters p = SizingParameters.DEFAULT;
    assertThat(p.riskUsd()).isEqualByComparingTo("1");
    assertThat(p.tolerance()).isEqualByComparingTo("0.1");
    assertThat(p.fees()).isEqualTo(FeeSchedule.OKX_DEFAULT);
    assertThat(p.entryLiquidity()).isEqualTo(Liquidity.TAKER);
    assertThat(p.slippage()).isEqualTo(StopSlippage.ONE_TICK);
    assertThat(p.leverage()).isEqualByComparingTo("10");
  }

  @Test
  void shouldCopyWithOneComponentChanged() {
    SizingParameters p =
        SizingParameters.DEFAULT
            .withRiskUsd(new BigDecimal("2"))
            .withTolerance(BigDecimal.ZERO)
            .withLeverage(new BigDecimal("3"));
    assertThat(p.riskUsd()).isEqualByComparingTo("2");
    assertThat(p.tolerance()).isEqualByComparingTo("0");
    assertThat(p.leverage()).isEqualByComparingTo("3");
    assertThat(p.fees()).isEqualTo(FeeSchedule.OKX_DEFAULT);
  }

  @Test
  void shouldRejectOutOfRangeValues() {
    assertThatThrownBy(() -> SizingParameters.DEFAULT.withRiskUsd(BigDecimal.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("riskUsd must be > 0, was 0");
    assertThatThrownBy(() -> SizingParameters.DEFAULT.withTolerance(new BigDecimal("-0.1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tolerance must be in [0, 1], was -0.1");
    assertThatThrownBy(() -> SizingParameters.DEFAULT.withTolerance(new BigDecimal("1.5")))
        .hasMessage("tolerance must be in [0, 1], was 1.5");
    assertThatThrownBy(() -> SizingParameters.DEFAULT.withLeverage(new BigDecimal("0.5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("leverage must be in [1, 125], was 0.5");
    assertThatThrownBy(() -> SizingParameters.DEFAULT.withLeverage(new BigDecimal("126")))
        .hasMessage("leverage must be in [1, 125], was 126");
    assertThatThrownBy(() -> SizingParameters.DEFAULT.withFees(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("fees");
  }

  @Test
  void shouldValidateFeeRates() {
    assertThat(FeeSchedule.OKX_DEFAULT.rate(Liquidity.MAKER)).isEqualByComparingTo("0.0002");
    assertThat(FeeSchedule.OKX_DEFAULT.rate(Liquidity.TAKER)).isEqualByComparingTo("0.0005");
    assertThatThrownBy(() -> new FeeSchedule(new BigDecimal("-0.0001"), BigDecimal.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "makerRate must be in [0, 0.01) as a fraction of notional (0.0005 = 0.05 %), was"
                + " -0.0001");
    assertThatThrownBy(() -> new FeeSchedule(BigDecimal.ZERO, new BigDecimal("0.05")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "takerRate must be in [0, 0.01) as a fraction of notional (0.0005 = 0.05 %), was 0.05");
  }

  @Test
  void shouldConvertSlippageToPriceAndRejectNegativeAmounts() {
    assertThat(StopSlippage.ticks(new BigDecimal("3")).inPrice(new BigDecimal("0.1")))
        .isEqualByComparingTo("0.3");
    assertThat(StopSlippage.price(new BigDecimal("2.5")).inPrice(new BigDecimal("0.1")))
        .isEqualByComparingTo("2.5");
    assertThatThrownBy(() -> StopSlippage.ticks(new BigDecimal("-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("slippage amount must be >= 0, was -1");
  }

  @Test
  void shouldHaveNoCostFilterByDefaultAndRejectAShareOutsideZeroToOne() {
    assertThat(SizingParameters.DEFAULT.maxCostShare()).isEqualByComparingTo("1");
    assertThat(SizingParameters.DEFAULT.withMaxCostShare(new BigDecimal("0.25")).maxCostShare())
        .isEqualByComparingTo("0.25");
    assertThat(
            SizingParameters.DEFAULT
                .withMaxCostShare(new BigDecimal("0.25"))
                .withRiskUsd(new BigDecimal("2"))
                .maxCostShare())
        .isEqualByComparingTo("0.25");
    assertThatThrownBy(() -> SizingParameters.DEFAULT.withMaxCostShare(BigDecimal.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxCostShare must be > 0 and <= 1, was 0");
    assertThatThrownBy(() -> SizingParameters.DEFAULT.withMaxCostShare(new BigDecimal("1.5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxCostShare must be > 0 and <= 1, was 1.5");
  }
}
