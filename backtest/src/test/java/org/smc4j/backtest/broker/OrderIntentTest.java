package org.smc4j.backtest.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smc4j.backtest.testing.TestBars.T0;
import static org.smc4j.backtest.testing.TestBars.intent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.smc4j.core.instrument.Liquidity;
import org.smc4j.core.signal.Side;
import org.smc4j.trading.order.AlternativeExit;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.order.ExitReason;
import org.smc4j.trading.order.OrderIntent;
import org.smc4j.trading.order.SetupDetails;
import org.smc4j.trading.order.Submission;
import org.smc4j.trading.order.Trade;

class OrderIntentTest {

  @Test
  void shouldRejectALongStopAboveTheEntry() {
    assertThatThrownBy(() -> intent(1, Side.LONG, EntryKind.LIMIT, 100, 101, 103, T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "stop must be on the losing side of the entry for a LONG, was stop 101.0 vs entry 100.0");
  }

  @Test
  void shouldRejectAShortTargetAboveTheEntry() {
    assertThatThrownBy(() -> intent(1, Side.SHORT, EntryKind.LIMIT, 100, 101, 103, T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "target must be on the winning side of the entry for a SHORT, was target 103.0 vs entry 100.0");
  }

  @Test
  void shouldRejectANonFiniteEntry() {
    assertThatThrownBy(() -> intent(1, Side.LONG, EntryKind.LIMIT, Double.NaN, 99, 103, T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("entryPrice must be finite and > 0, was NaN");
  }

  @Test
  void shouldRejectZeroContracts() {
    assertThatThrownBy(
            () ->
                new OrderIntent(
                    1,
                    "poi-1",
                    "X",
                    Side.LONG,
                    EntryKind.LIMIT,
                    100,
                    99,
                    102,
                    OptionalDouble.empty(),
                    Instant.EPOCH,
                    1,
                    0,
                    1,
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("contracts must be finite and > 0, was 0.0");
  }

  @Test
  void shouldRejectABlankSymbol() {
    assertThatThrownBy(
            () ->
                new OrderIntent(
                    1,
                    "poi-1",
                    " ",
                    Side.LONG,
                    EntryKind.LIMIT,
                    100,
                    99,
                    102,
                    OptionalDouble.empty(),
                    Instant.EPOCH,
                    1,
                    1,
                    1,
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("symbol must not be blank");
  }

  @Test
  void shouldRejectAScoreAboveFive() {
    assertThatThrownBy(
            () ->
                new SetupDetails(
                    "MSS",
                    6,
                    List.of(),
                    100,
                    99,
                    100,
                    99,
                    100,
                    99.5,
                    99,
                    98,
                    103,
                    101,
                    Instant.EPOCH,
                    Instant.EPOCH,
                    100,
                    1,
                    Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("score must be in [0, 5], was 6");
  }

  @Test
  void shouldRejectAPoiWhoseTopIsBelowItsBottom() {
    assertThatThrownBy(
            () ->
                new SetupDetails(
                    "MSS",
                    2,
                    List.of(),
                    99,
                    100,
                    100,
                    99,
                    100,
                    99.5,
                    99,
                    98,
                    103,
                    101,
                    Instant.EPOCH,
                    Instant.EPOCH,
                    100,
                    1,
                    Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("poiTop must be >= poiBottom, was 99.0 < 100.0");
  }

  @Test
  void shouldRejectATradeExitingBeforeItsEntry() {
    OrderIntent in = intent(1, Side.LONG, EntryKind.LIMIT, 100, 99, 103, T0);
    Instant entry = Instant.ofEpochMilli(T0);
    assertThatThrownBy(
            () ->
                new Trade(
                    in,
                    entry,
                    100,
                    Liquidity.MAKER,
                    0,
                    0,
                    entry.minus(Duration.ofMinutes(5)),
                    103,
                    Liquidity.MAKER,
                    0,
                    0,
                    ExitReason.TARGET,
                    0,
                    0,
                    false,
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "exitTime 2024-12-31T23:55:00Z must not be before entryTime 2025-01-01T00:00:00Z");
  }

  @Test
  void shouldRejectAnAlternativeExitOnAClearTrade() {
    OrderIntent in = intent(1, Side.LONG, EntryKind.LIMIT, 100, 99, 103, T0);
    Instant entry = Instant.ofEpochMilli(T0);
    AlternativeExit alt = new AlternativeExit(103, Liquidity.MAKER, 0.02, ExitReason.TARGET);
    assertThatThrownBy(
            () ->
                new Trade(
                    in,
                    entry,
                    100,
                    Liquidity.MAKER,
                    0,
                    0,
                    entry,
                    99,
                    Liquidity.TAKER,
                    0,
                    0,
                    ExitReason.STOP,
                    0,
                    0,
                    false,
                    Optional.of(alt)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("optimisticExit is only allowed for an ambiguous trade");
  }

  @Test
  void shouldRejectANegativeFee() {
    OrderIntent in = intent(1, Side.LONG, EntryKind.LIMIT, 100, 99, 103, T0);
    Instant entry = Instant.ofEpochMilli(T0);
    assertThatThrownBy(
            () ->
                new Trade(
                    in,
                    entry,
                    100,
                    Liquidity.MAKER,
                    -0.01,
                    0,
                    entry,
                    99,
                    Liquidity.TAKER,
                    0,
                    0,
                    ExitReason.STOP,
                    0,
                    0,
                    false,
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("entryFee must be finite and >= 0, was -0.01");
  }

  @Test
  void shouldComputeQuantityFromContractsAndMultiplier() {
    OrderIntent in =
        new OrderIntent(
            1,
            "poi-1",
            "X",
            Side.LONG,
            EntryKind.LIMIT,
            100,
            99,
            102,
            OptionalDouble.of(104),
            Instant.EPOCH,
            1,
            3,
            0.01,
            Optional.empty());
    assertThat(in.quantity()).isEqualTo(0.03);
  }

  @Test
  void shouldRejectABlankRejectionReason() {
    OrderIntent in = intent(1, Side.LONG, EntryKind.LIMIT, 100, 99, 103, T0);
    assertThatThrownBy(() -> new Submission(in, Optional.of(" ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rejection must not be blank when present");
  }

  @Test
  void shouldRejectANonPositiveExpiryLifetime() {
    assertThatThrownBy(() -> ExpiryModel.after(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lifetime must be positive, was PT0S");
  }
}
