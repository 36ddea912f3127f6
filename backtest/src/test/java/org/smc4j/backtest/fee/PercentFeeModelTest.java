package org.smc4j.backtest.fee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.smc4j.core.instrument.Liquidity;

class PercentFeeModelTest {

  @Test
  void shouldChargeOkxDefaultMakerAndTakerRates() {
    assertThat(FeeModel.OKX_DEFAULT.fee(10_000, Liquidity.MAKER)).isCloseTo(2.0, within(1e-12));
    assertThat(FeeModel.OKX_DEFAULT.fee(10_000, Liquidity.TAKER)).isCloseTo(5.0, within(1e-12));
  }

  @Test
  void shouldRejectANegativeMakerRate() {
    assertThatThrownBy(() -> new PercentFeeModel(-0.0001, 0.0005))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("makerRate must be a fraction in [0, 0.01] (0.0005 = 0.05 %), was -1.0E-4");
  }

  @Test
  void shouldRejectATakerRateGivenInPercent() {
    assertThatThrownBy(() -> new PercentFeeModel(0.0002, 0.05 * 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("takerRate must be a fraction in [0, 0.01] (0.0005 = 0.05 %), was 5.0");
  }

  @Test
  void shouldRejectANegativeNotional() {
    assertThatThrownBy(() -> FeeModel.OKX_DEFAULT.fee(-1, Liquidity.TAKER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("notional must be finite and >= 0, was -1.0");
  }

  @Property
  void feesAreNonNegativeAndTakerNeverCheaperThanMaker(
      @ForAll @DoubleRange(min = 0, max = 1e9) double notional) {
    double maker = FeeModel.OKX_DEFAULT.fee(notional, Liquidity.MAKER);
    double taker = FeeModel.OKX_DEFAULT.fee(notional, Liquidity.TAKER);
    assertThat(maker).isGreaterThanOrEqualTo(0);
    assertThat(taker).isGreaterThanOrEqualTo(maker);
  }
}
