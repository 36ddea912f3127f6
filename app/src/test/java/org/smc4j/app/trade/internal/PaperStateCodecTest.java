package org.smc4j.app.trade.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.smc4j.backtest.broker.BrokerSnapshot;
import org.smc4j.core.instrument.Liquidity;
import org.smc4j.core.signal.Side;
import org.smc4j.risk.guard.GuardBook;
import org.smc4j.risk.guard.OpenPosition;
import org.smc4j.risk.guard.TradeProposal;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.order.OrderIntent;
import org.smc4j.trading.order.SetupDetails;

class PaperStateCodecTest {

  private static final Instant T = Instant.parse("2025-01-03T10:05:00Z");

  private static OrderIntent intent(Optional<SetupDetails> details, OptionalDouble second) {
    // prices whose shortest decimal form is long, so a lossy round trip would show
    return new OrderIntent(
        17,
        "poi-BTC-1735898700000-L",
        "BTCUSDT",
        Side.LONG,
        EntryKind.LIMIT,
        0.1 + 0.2 + 97_000,
        96_123.456789012345,
        98_765.4321 / 3 * 3,
        second,
        T,
        0.987654321987,
        0.013,
        0.001,
        details);
  }

  private static SetupDetails details() {
    return new SetupDetails(
        "FVG",
        4,
        List.of("bos", "fvg", "fib 0.618"),
        97_100.5,
        96_900.25,
        97_050.1,
        96_950.3,
        97_000.0,
        96_980.7,
        96_950.9,
        96_000.0,
        98_000.0,
        97_500.0,
        T.minusSeconds(3_600),
        T.minusSeconds(600),
        97_010.3,
        123.456,
        T.minusSeconds(7_200));
  }

  @Test
  void aPendingEntryWithDetailsReadsBackEqual() {
    BrokerSnapshot s =
        new BrokerSnapshot(
            Optional.of(intent(Optional.of(details()), OptionalDouble.of(99_000.5))),
            Optional.empty());

    assertThat(PaperStateCodec.readBroker(PaperStateCodec.write(s))).isEqualTo(s);
  }

  @Test
  void aPositionWithFundingReadsBackBitForBit() {
    BrokerSnapshot s =
        new BrokerSnapshot(
            Optional.empty(),
            Optional.of(
                new BrokerSnapshot.Holding(
                    intent(Optional.empty(), OptionalDouble.empty()),
                    T.plusSeconds(300),
                    97_000.30000000001,
                    Liquidity.MAKER,
                    0.0194000006,
                    0,
                    -0.00012345678901234,
                    3,
                    Instant.parse("2025-01-04T00:00:00Z"))));

    BrokerSnapshot back = PaperStateCodec.readBroker(PaperStateCodec.write(s));

    assertThat(back).isEqualTo(s);
    assertThat(Double.doubleToRawLongBits(back.position().orElseThrow().funding()))
        .isEqualTo(Double.doubleToRawLongBits(-0.00012345678901234));
    assertThat(PaperStateCodec.readBroker(PaperStateCodec.write(BrokerSnapshot.FLAT)))
        .isEqualTo(BrokerSnapshot.FLAT);
  }

  @Test
  void aGuardBookReadsBackEqual() {
    GuardBook book =
        new GuardBook(
            List.of(
                new OpenPosition(
                    new TradeProposal(
                        "BTCUSDT",
                        Side.SHORT,
                        new BigDecimal("0.013"),
                        new BigDecimal("1.0421"),
                        new BigDecimal("24.050")),
                    T)),
            LocalDate.parse("2025-01-03"),
            new BigDecimal("-1.20"),
            2);

    assertThat(PaperStateCodec.readGuard(PaperStateCodec.write(book))).isEqualTo(book);
  }

  @Test
  void textThatIsNotJsonIsRefusedWithTheParserMessage() {
    assertThatThrownBy(() -> PaperStateCodec.readBroker("{\"pending\": "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("saved paper state is not JSON: ");
  }
}
