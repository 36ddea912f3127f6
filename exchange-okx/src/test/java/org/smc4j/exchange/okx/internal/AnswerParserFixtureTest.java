package org.smc4j.exchange.okx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.smc4j.core.signal.OrderAction;
import org.smc4j.exchange.okx.model.AccountConfig;
import org.smc4j.exchange.okx.model.AccountLevel;
import org.smc4j.exchange.okx.model.AlgoOrderDetails;
import org.smc4j.exchange.okx.model.AlgoOrderType;
import org.smc4j.exchange.okx.model.AlgoState;
import org.smc4j.exchange.okx.model.Bill;
import org.smc4j.exchange.okx.model.CancelAllAfterAck;
import org.smc4j.exchange.okx.model.Fill;
import org.smc4j.exchange.okx.model.MarginMode;
import org.smc4j.exchange.okx.model.OkxInstrument;
import org.smc4j.exchange.okx.model.OrderDetails;
import org.smc4j.exchange.okx.model.OrderState;
import org.smc4j.exchange.okx.model.OrderType;
import org.smc4j.exchange.okx.model.Position;
import org.smc4j.exchange.okx.model.PositionMode;
import org.smc4j.exchange.okx.model.PositionSide;

/** The answer parsers on the saved OKX responses of okx-fixtures. */
class AnswerParserFixtureTest {

  private static <T> List<T> parse(String file, Function<JsonNode, T> parser) throws IOException {
    Path path =
        Path.of(System.getProperty("smc4j.shared.dir", "../shared"))
            .resolve("okx-fixtures")
            .resolve(file);
    assumeTrue(Files.isRegularFile(path), "fixture not found: " + path.toAbsolutePath());
    JsonNode root = new ObjectMapper().readTree(path.toFile());
    List<T> items = new ArrayList<>();
    root.path("data").forEach(n -> items.add(parser.apply(n)));
    return items;
  }

  @Test
  void shouldParseTheSwapInstruments() throws IOException {
    List<OkxInstrument> instruments =
        parse("public-instruments-SWAP.json", AnswerParser::instrument);

    assertThat(instruments)
        .extracting(OkxInstrument::instId)
        .containsExactly("BTC-USD-SWAP", "ETH-USDT-SWAP", "BTC-USDT-SWAP");
    OkxInstrument btc = instruments.get(2);
    assertThat(btc.tickSz()).isEqualByComparingTo("0.1");
    assertThat(btc.lotSz()).isEqualByComparingTo("0.01");
    assertThat(btc.maxMktSz()).isEqualByComparingTo("12000");
    assertThat(btc.toContractSpec().unitsPerContract()).isEqualByComparingTo("0.01");
  }

  @Test
  void shouldParseTheFilledMarketEntryWithItsAttachedBracket() throws IOException {
    OrderDetails order =
        parse("trade-order-GET-SWAP-market-filled-attached.json", AnswerParser::order).getFirst();

    assertThat(order.clOrdId()).isEqualTo("sTRSCSIGOKEF3WXIRCUTQVZE1");
    assertThat(order.state()).isEqualTo(OrderState.FILLED);
    assertThat(order.ordType()).isEqualTo(OrderType.MARKET);
    assertThat(order.px()).isEmpty();
    assertThat(order.avgPx()).contains(new BigDecimal("69481.5"));
    assertThat(order.fee()).isEqualByComparingTo("-0.045162975");
    assertThat(order.attachAlgoOrds())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.attachAlgoClOrdId()).isEqualTo("sTRSCSIGOKEF3WXIRCUTQVZA1");
              assertThat(a.slTriggerPx()).contains(new BigDecimal("68790"));
              assertThat(a.failed()).isFalse();
            });
  }

  @Test
  void shouldParseTheLivePostOnlyEntryAndTheOrderHistory() throws IOException {
    OrderDetails pending = parse("trade-orders-pending-SWAP.json", AnswerParser::order).getFirst();
    List<OrderDetails> history = parse("trade-orders-history-SWAP.json", AnswerParser::order);

    assertThat(pending.state()).isEqualTo(OrderState.LIVE);
    assertThat(pending.ordType()).isEqualTo(OrderType.POST_ONLY);
    assertThat(pending.px()).contains(new BigDecimal("69350"));
    assertThat(history)
        .extracting(OrderDetails::state)
        .containsExactly(OrderState.CANCELED, OrderState.FILLED);
    assertThat(history.get(0).accFillSz()).isEqualByComparingTo("0.08");
    assertThat(history.get(1).source()).isEqualTo("7");
    assertThat(history.get(1).clOrdId()).isEmpty();
  }

  @Test
  void shouldParseAlgoOrders() throws IOException {
    AlgoOrderDetails spawned =
        parse("trade-order-algo-GET-oco.json", AnswerParser::algo).getFirst();
    AlgoOrderDetails protective =
        parse("trade-orders-algo-pending-oco.json", AnswerParser::algo).getFirst();
    AlgoOrderDetails triggered =
        parse("trade-orders-algo-history-oco.json", AnswerParser::algo).getFirst();

    assertThat(spawned.ordType()).isEqualTo(AlgoOrderType.OCO);
    assertThat(spawned.state()).isEqualTo(AlgoState.LIVE);
    assertThat(spawned.algoClOrdId()).isEqualTo("sTRSCSIGOKEF3WXIRCUTQVZA1");
    assertThat(spawned.reduceOnly()).isTrue();
    assertThat(protective.sz()).contains(new BigDecimal("0.08"));
    assertThat(triggered.state()).isEqualTo(AlgoState.EFFECTIVE);
    assertThat(triggered.actualSide()).isEqualTo("tp");
    assertThat(triggered.triggerTime()).isPresent();
    assertThat(triggered.ordIdList()).containsExactly("1540649118634229760");
  }

  @Test
  void shouldParseFillsIncludingTheTpCloseWithoutClientId() throws IOException {
    List<Fill> fills = parse("trade-fills-SWAP.json", AnswerParser::fill);

    assertThat(fills).hasSize(3);
    assertThat(fills.get(0).execType()).isEqualTo("M");
    assertThat(fills.get(1).clOrdId()).isEmpty();
    assertThat(fills.get(1).fillPnl()).isEqualByComparingTo("1.78971");
    assertThat(fills.get(2).side()).isEqualTo(OrderAction.BUY);
    assertThat(fills.get(2).fillTime()).isEqualTo(Instant.ofEpochMilli(1717974600190L));
    assertThat(fills).noneMatch(Fill::liquidationOrAdl);
  }

  @Test
  void shouldParseFundingBills() throws IOException {
    List<Bill> bills = parse("account-bills-funding.json", AnswerParser::bill);

    assertThat(bills).allMatch(Bill::isFunding);
    assertThat(bills).extracting(Bill::subType).containsExactly("174", "173");
    assertThat(bills.get(1).pnl()).isEqualByComparingTo("-0.009037652");
    assertThat(bills.get(1).px()).contains(new BigDecimal("69520.4"));
  }

  @Test
  void shouldParseAccountAnswers() throws IOException {
    AccountConfig config = parse("account-config.json", AnswerParser::accountConfig).getFirst();
    Position position =
        parse("account-positions-SWAP-synthetic.json", AnswerParser::position).getFirst();
    CancelAllAfterAck timer =
        parse("trade-cancel-all-after.json", AnswerParser::cancelAllAfter).getFirst();

    assertThat(config.acctLv()).isEqualTo(AccountLevel.MULTI_CURRENCY);
    assertThat(config.posMode()).isEqualTo(PositionMode.NET);
    assertThat(config.perm()).containsExactlyInAnyOrder("read_only", "withdraw", "trade");
    assertThat(position.mgnMode()).isEqualTo(MarginMode.ISOLATED);
    assertThat(position.posSide()).isEqualTo(PositionSide.LONG);
    assertThat(position.pos()).isEqualByComparingTo("0.5");
    assertThat(position.liqPx()).contains(new BigDecimal("9000"));
    // The docs example gives seconds (10 digits).
    assertThat(timer.triggerTime()).contains(Instant.ofEpochSecond(1587971460L));
    assertThat(parse("account-set-leverage.json", AnswerParser::leverage).getFirst().posSide())
        .contains(PositionSide.LONG);
    assertThat(parse("public-price-limit.json", AnswerParser::priceLimit).getFirst().enabled())
        .isTrue();
  }
}
