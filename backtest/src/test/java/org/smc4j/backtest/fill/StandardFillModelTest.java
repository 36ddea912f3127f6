package org.smc4j.backtest.fill;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.smc4j.core.signal.OrderAction;

class StandardFillModelTest {

  private final FillModel m = FillModel.DEFAULT;

  @Test
  void shouldFillABuyLimitOnlyWhenTheLowIsStrictlyBelowIt() {
    assertThat(m.limitFills(OrderAction.BUY, 99, 100, 101, 99)).isFalse();
    assertThat(m.limitFills(OrderAction.BUY, 99, 100, 101, 98.99)).isTrue();
  }

  @Test
  void shouldFillASellLimitOnlyWhenTheHighIsStrictlyAboveIt() {
    assertThat(m.limitFills(OrderAction.SELL, 101, 100, 101, 99)).isFalse();
    assertThat(m.limitFills(OrderAction.SELL, 101, 100, 101.01, 99)).isTrue();
  }

  @Test
  void shouldFillAStopAtItsPriceOrAtAGappedOpen() {
    assertThat(m.stopReference(OrderAction.SELL, 99, 100, 101, 99)).hasValue(99);
    assertThat(m.stopReference(OrderAction.SELL, 99, 98, 99.5, 97)).hasValue(98);
    assertThat(m.stopReference(OrderAction.SELL, 99, 100, 101, 99.01)).isEmpty();
    assertThat(m.stopReference(OrderAction.BUY, 101, 100, 101, 99)).hasValue(101);
    assertThat(m.stopReference(OrderAction.BUY, 101, 102, 103, 101.5)).hasValue(102);
    assertThat(m.stopReference(OrderAction.BUY, 101, 100, 100.99, 99)).isEmpty();
  }

  @Test
  void shouldFillMarketOrdersAtTheOpenAndLimitsAtTheLimit() {
    assertThat(m.marketReference(123.4)).isEqualTo(123.4);
    assertThat(m.limitPrice(OrderAction.BUY, 99, 98)).isEqualTo(99);
  }
}
