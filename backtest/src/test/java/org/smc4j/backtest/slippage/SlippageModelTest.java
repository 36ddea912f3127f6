package org.smc4j.backtest.slippage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SlippageModelTest {

  @Test
  void shouldSlipOneTickByDefault() {
    assertThat(SlippageModel.DEFAULT.slippage(100, 0.1, OptionalDouble.of(5))).isEqualTo(0.1);
  }

  @Test
  void shouldSlipAFractionOfPrice() {
    assertThat(new PercentSlippageModel(0.001).slippage(250, 0.01, OptionalDouble.empty()))
        .isCloseTo(0.25, within(1e-12));
  }

  @Test
  void shouldSlipAFractionOfAtrAndFallBackToTicksDuringWarmUp() {
    AtrSlippageModel model = new AtrSlippageModel(0.05, 2);
    assertThat(model.slippage(100, 0.1, OptionalDouble.of(4))).isCloseTo(0.2, within(1e-12));
    assertThat(model.slippage(100, 0.1, OptionalDouble.empty())).isCloseTo(0.2, within(1e-12));
  }

  @Test
  void shouldSayWhichModelsReadTheAtr() {
    assertThat(new AtrSlippageModel(0.05, 2).usesAtr()).isTrue();
    assertThat(new TickSlippageModel(1).usesAtr()).isFalse();
    assertThat(new PercentSlippageModel(0.0001).usesAtr()).isFalse();
  }

  @Test
  void shouldRejectNegativeTicks() {
    assertThatThrownBy(() -> new TickSlippageModel(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ticks must be >= 0, was -1");
  }

  @Test
  void shouldRejectAPercentGivenAsAWholeNumber() {
    assertThatThrownBy(() -> new PercentSlippageModel(0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fraction must be in [0, 0.05] (0.0005 = 0.05 %), was 0.1");
  }

  @Test
  void shouldRejectAnAtrFractionAboveOne() {
    assertThatThrownBy(() -> new AtrSlippageModel(1.5, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("atrFraction must be in [0, 1], was 1.5");
  }

  @Test
  void shouldMeasureTheStrategysDefaultAtrUnlessGivenAPeriod() {
    assertThat(new AtrSlippageModel(0.05, 2).atrPeriod()).isEqualTo(14);
    assertThat(new AtrSlippageModel(0.05, 2, 10).atrPeriod()).isEqualTo(10);
    assertThat(new TickSlippageModel(1).atrPeriod()).isEqualTo(14);
    assertThatThrownBy(() -> new AtrSlippageModel(0.05, 2, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("atrPeriod must be >= 1, was 0");
  }

  @Test
  void shouldRejectNegativeFallbackTicks() {
    assertThatThrownBy(() -> new AtrSlippageModel(0.1, -2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fallbackTicks must be >= 0, was -2");
  }
}
