package org.smc4j.exchange.okx.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;
import org.smc4j.core.signal.Side;

class LeveragePolicyTest {

  private static final LeveragePolicy WIDE =
      new LeveragePolicy(new BigDecimal("50"), new BigDecimal("0.01"), new BigDecimal("2"));

  @Test
  void shouldChooseTheHighestWholeLeverageThatKeepsTwoStopDistancesToLiquidation() {
    // d = 1000 / 70000 = 1.4286 %; 1 / (2 * d + 1 %) = 25.9 -> 25
    assertThat(WIDE.leverageFor(new BigDecimal("70000"), new BigDecimal("69000")))
        .isEqualByComparingTo("25");
    // capped by the default's 10x
    assertThat(LeveragePolicy.DEFAULT.leverageFor(new BigDecimal("70000"), new BigDecimal("69000")))
        .isEqualByComparingTo("10");
    // d = 20 %: 1 / 0.41 = 2.4 -> 2
    assertThat(WIDE.leverageFor(new BigDecimal("100"), new BigDecimal("120")))
        .isEqualByComparingTo("2");
    // a stop 60 % away still gets 1x, never less
    assertThat(WIDE.leverageFor(new BigDecimal("100"), new BigDecimal("40")))
        .isEqualByComparingTo("1");
  }

  @Test
  void shouldEstimateTheLiquidationBeyondTheStopOnBothSides() {
    BigDecimal lever = WIDE.leverageFor(new BigDecimal("70000"), new BigDecimal("69000"));
    assertThat(WIDE.liquidationEstimate(Side.LONG, new BigDecimal("70000"), lever))
        .isEqualByComparingTo("67900");
    assertThat(WIDE.liquidationEstimate(Side.SHORT, new BigDecimal("70000"), lever))
        .isEqualByComparingTo("72100");
  }

  @Property
  void liquidationLiesAtLeastTheBufferOfStopDistancesAwayUnlessCappedAtOne(
      @ForAll @BigRange(min = "1", max = "100000") BigDecimal entry,
      @ForAll @BigRange(min = "0.0001", max = "0.5") @Scale(4) BigDecimal distance,
      @ForAll boolean isLong) {
    BigDecimal stop =
        isLong ? entry.subtract(entry.multiply(distance)) : entry.add(entry.multiply(distance));
    BigDecimal lever = WIDE.leverageFor(entry, stop);
    assertThat(lever).isBetween(BigDecimal.ONE, new BigDecimal("50"));
    BigDecimal liquidation =
        WIDE.liquidationEstimate(isLong ? Side.LONG : Side.SHORT, entry, lever);
    BigDecimal stopToEntry = entry.subtract(stop).abs();
    BigDecimal liquidationToEntry = entry.subtract(liquidation).abs();
    if (lever.compareTo(BigDecimal.ONE) > 0) {
      assertThat(liquidationToEntry)
          .isGreaterThanOrEqualTo(stopToEntry.multiply(new BigDecimal("1.999999")));
    }
    if (isLong) {
      assertThat(liquidation).isLessThan(stop);
    } else {
      assertThat(liquidation).isGreaterThan(stop);
    }
  }

  @Test
  void shouldRejectOutOfRangeSettingsNamingThem() {
    assertThatThrownBy(
            () -> new LeveragePolicy(new BigDecimal("0.5"), BigDecimal.ZERO, BigDecimal.ONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxLeverage must be >= 1, was 0.5");
    assertThatThrownBy(() -> new LeveragePolicy(BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maintenanceMarginRate must be in [0, 1), was 1");
    assertThatThrownBy(
            () -> new LeveragePolicy(BigDecimal.TEN, BigDecimal.ZERO, new BigDecimal("0.9")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("liquidationBuffer must be >= 1, was 0.9");
    assertThatThrownBy(() -> WIDE.leverageFor(BigDecimal.TEN, BigDecimal.TEN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stop must differ from entry 10");
  }
}
