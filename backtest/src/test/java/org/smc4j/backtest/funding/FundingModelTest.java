package org.smc4j.backtest.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FundingModelTest {

  private static long at(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  @Test
  void shouldPlaceSettlementsAtZeroEightAndSixteenUtc() {
    FundingSchedule s = FundingSchedule.EIGHT_HOURS;
    assertThat(s.nextAfter(at("2025-01-01T07:59:59Z"))).isEqualTo(at("2025-01-01T08:00:00Z"));
    // a fill exactly at a settlement is first charged at the next one
    assertThat(s.nextAfter(at("2025-01-01T08:00:00Z"))).isEqualTo(at("2025-01-01T16:00:00Z"));
    assertThat(s.nextAfter(at("2025-01-01T16:30:00Z"))).isEqualTo(at("2025-01-02T00:00:00Z"));
    assertThat(s.floor(at("2023-01-01T08:00:00.008Z"))).isEqualTo(at("2023-01-01T08:00:00Z"));
  }

  @Test
  void shouldSignPaymentsByPositionSide() {
    assertThat(FundingModel.payment(1, 1000, 0.0001)).isEqualTo(0.1);
    assertThat(FundingModel.payment(-1, 1000, 0.0001)).isEqualTo(-0.1);
    assertThat(FundingModel.payment(1, 1000, -0.0001)).isEqualTo(-0.1);
    assertThat(FundingModel.payment(-1, 1000, -0.0001)).isEqualTo(0.1);
  }

  @Test
  void shouldUseTheHistoricalRateJoinedToTheGridAndFallBackOutsideIt() {
    HistoricalFundingModel m =
        HistoricalFundingModel.of(
            Map.of("BTCUSDT", Map.of(at("2023-01-01T08:00:00.008Z"), -4.586e-05)),
            FundingSchedule.EIGHT_HOURS,
            FundingModel.DEFAULT);
    assertThat(m.rate("BTCUSDT", at("2023-01-01T08:00:00Z"))).isEqualTo(-4.586e-05);
    assertThat(m.fallbackCount()).isZero();
    assertThat(m.rate("BTCUSDT", at("2023-01-01T16:00:00Z"))).isEqualTo(0.0001);
    assertThat(m.rate("SOLUSDT", at("2023-01-01T16:00:00Z"))).isEqualTo(0.0001);
    assertThat(m.fallbackCount()).isEqualTo(2);
    assertThat(m.covers("BTCUSDT")).isTrue();
    assertThat(m.covers("SOLUSDT")).isFalse();
  }

  @Test
  void shouldRejectTwoRatesOnOneSettlement() {
    assertThatThrownBy(
            () ->
                HistoricalFundingModel.of(
                    Map.of(
                        "BTCUSDT",
                        Map.of(
                            at("2023-01-01T08:00:00.008Z"), 0.0001,
                            at("2023-01-01T08:00:00.100Z"), 0.0002)),
                    FundingSchedule.EIGHT_HOURS,
                    FundingModel.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "funding history of BTCUSDT has two rates for the settlement at 2023-01-01T08:00:00Z");
  }

  @Test
  void shouldRejectANonFiniteHistoricalRate() {
    assertThatThrownBy(
            () ->
                HistoricalFundingModel.of(
                    Map.of("BTCUSDT", Map.of(0L, Double.NaN)),
                    FundingSchedule.EIGHT_HOURS,
                    FundingModel.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("funding rate of BTCUSDT at 0 is not finite: NaN");
  }

  @Test
  void shouldRejectAConstantRateGivenInPercent() {
    assertThatThrownBy(() -> new ConstantFundingModel(0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rate must be a fraction in [-0.05, 0.05] (0.0001 = 0.01 %), was 0.1");
  }

  @Test
  void shouldRejectAnIntervalThatDoesNotDivideADay() {
    assertThatThrownBy(() -> new FundingSchedule(7 * 3_600_000L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("intervalMillis must be positive and divide one day, was 25200000");
  }
}
