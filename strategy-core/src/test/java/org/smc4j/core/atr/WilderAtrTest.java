package org.smc4j.core.atr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WilderAtrTest {

  @Test
  void shouldStartWithTheMeanTrueRangeAtBarThirteenThenSmoothWilderStyle() {
    WilderAtr atr = new WilderAtr(14);
    // bar 0: TR = high - low = 2; bars 1..13: TR uses the previous close
    atr.update(101, 99, 100);
    double sum = 2;
    for (int i = 1; i < 13; i++) {
      atr.update(102, 100, 101); // TR = max(102, prev close) - min(100, prev close)
      sum += 2;
      assertThat(atr.ready()).isFalse();
    }
    atr.update(104, 100.5, 103); // bar 13: TR = 104 - 100.5 = 3.5
    sum += 3.5;
    assertThat(atr.ready()).isTrue();
    assertThat(atr.value()).isEqualTo(sum / 14);
    atr.update(103, 98, 99); // bar 14: TR = max(103, 103) - min(98, 103) = 5
    assertThat(atr.value()).isEqualTo((sum / 14 * 13 + 5) / 14);
  }

  @Test
  void shouldUseThePreviousCloseWhenPriceGaps() {
    WilderAtr atr = new WilderAtr(2);
    atr.update(10, 9, 9.5); // TR 1
    atr.update(12, 11, 11.5); // gap up: TR = 12 - 9.5 = 2.5
    assertThat(atr.value()).isEqualTo(1.75);
  }

  @Test
  void shouldRejectANonPositivePeriod() {
    assertThatThrownBy(() -> new WilderAtr(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("period must be >= 1, was 0");
  }
}
