package org.smc4j.exchange.okx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smc4j.core.signal.Side;
import org.smc4j.exchange.okx.error.OkxErrorClass;
import org.smc4j.exchange.okx.id.ClientOrderId;
import org.smc4j.exchange.okx.id.OrderRole;
import org.smc4j.exchange.okx.model.AccountLevel;
import org.smc4j.exchange.okx.model.AlgoCancel;
import org.smc4j.exchange.okx.model.AlgoCancelResult;
import org.smc4j.exchange.okx.model.AlgoOrderDetails;
import org.smc4j.exchange.okx.model.AlgoOrderRequest;
import org.smc4j.exchange.okx.model.AlgoOrderType;
import org.smc4j.exchange.okx.model.AlgoRef;
import org.smc4j.exchange.okx.model.AlgoState;
import org.smc4j.exchange.okx.model.AmendOrderRequest;
import org.smc4j.exchange.okx.model.Bill;
import org.smc4j.exchange.okx.model.ClosePositionRequest;
import org.smc4j.exchange.okx.model.Fill;
import org.smc4j.exchange.okx.model.LeverageSetting;
import org.smc4j.exchange.okx.model.MarginMode;
import org.smc4j.exchange.okx.model.OkxInstrument;
import org.smc4j.exchange.okx.model.OrderDetails;
import org.smc4j.exchange.okx.model.OrderRef;
import org.smc4j.exchange.okx.model.OrderState;
import org.smc4j.exchange.okx.model.PlaceOrderRequest;
import org.smc4j.exchange.okx.model.Position;
import org.smc4j.exchange.okx.model.PositionMode;
import org.smc4j.exchange.okx.model.SetLeverageRequest;
import org.smc4j.okx.fake.FakeAlgo;
import org.smc4j.okx.fake.ReceivedRequest;

/** Every typed call of {@link OkxClient} against the fake OKX server. */
class OkxClientTest {

  private static final String BTC = "BTC-USDT-SWAP";
  private static final ClientOrderId ENTRY = new ClientOrderId("sTRSCSIGOKEF3WXIRCUTQVZE1");

  private FakeOkx okx;

  @BeforeEach
  void start() {
    okx = FakeOkx.demo();
    okx.server.exchange().setLastPrice(BTC, new BigDecimal("69481.5"));
  }

  @AfterEach
  void stop() {
    okx.close();
  }

  @Test
  void shouldMeasureTheServerClockOffset() {
    okx.server.setClockSkew(Duration.ofSeconds(45));

    Duration offset = okx.client.measureClockOffset().orElseThrow();

    assertThat(offset).isBetween(Duration.ofMillis(44_000), Duration.ofMillis(46_000));
    assertThat(okx.client.serverClock().offset()).isEqualTo(offset);
    Instant serverTime = okx.client.serverTime().orElseThrow();
    assertThat(Duration.between(okx.client.serverClock().instant(), serverTime).abs())
        .isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void shouldReadInstrumentsAndPriceLimitFromTheFixtures() {
    List<OkxInstrument> swaps = okx.client.instruments("SWAP", "").orElseThrow();

    assertThat(swaps).extracting(OkxInstrument::instId).contains(BTC, "ETH-USDT-SWAP");
    OkxInstrument btc = okx.client.instruments("SWAP", BTC).orElseThrow().getFirst();
    assertThat(btc).isEqualTo(FakeOkx.BTC);
    assertThat(okx.client.priceLimit(BTC).orElseThrow().buyLmt())
        .contains(new BigDecimal("17057.9"));
  }

  @Test
  void shouldSendSignedDemoRequestsWithTheQueryInThePath() {
    okx.client.positions("SWAP", BTC).orElseThrow();

    ReceivedRequest request = okx.server.requests("GET", "/api/v5/account/positions").getFirst();
    assertThat(request.requestPath())
        .isEqualTo("/api/v5/account/positions?instType=SWAP&instId=BTC-USDT-SWAP");
    assertThat(request.header("x-simulated-trading")).contains("1");
    assertThat(request.header("OK-ACCESS-TIMESTAMP").orElseThrow())
        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    assertThat(request.header("expTime")).isEmpty();
  }

  @Test
  void shouldReadAccountConfigBalanceLeverageAndMaxSize() {
    okx.server.exchange().setAccount("net_mode", "2", "read_only,trade");

    var config = okx.client.accountConfig().orElseThrow();
    assertThat(config.posMode()).isEqualTo(PositionMode.NET);
    assertThat(config.acctLv()).isEqualTo(AccountLevel.FUTURES);
    assertThat(config.canTrade()).isTrue();
    assertThat(okx.client.balance("").orElseThrow().detail("USDT").orElseThrow().availBal())
        .isEqualByComparingTo("4834.317093622894");

    LeverageSetting set =
        okx.client
            .setLeverage(
                new SetLeverageRequest(
                    BTC, new BigDecimal("7"), MarginMode.CROSS, Optional.empty()))
            .orElseThrow();
    assertThat(set.lever()).isEqualByComparingTo("7");
    assertThat(okx.client.leverageInfo(BTC, MarginMode.CROSS).orElseThrow().getFirst().lever())
        .isEqualByComparingTo("7");
    assertThat(okx.client.maxSize(BTC, MarginMode.CROSS).orElseThrow().maxBuy()).isPositive();
  }

  @Test
  void shouldPlaceAMarketEntryWithBracketThatSpawnsAnOco() throws Exception {
    PlaceOrderRequest entry =
        PlaceOrderRequest.marketEntry(
            FakeOkx.BTC,
            MarginMode.CROSS,
            Side.LONG,
            new BigDecimal("0.13"),
            ENTRY,
            new BigDecimal("68790"),
            new BigDecimal("70860"));

    OkxResult<?> placed = okx.client.placeOrder(entry);

    assertThat(placed.errorClass()).isEqualTo(OkxErrorClass.OK);
    assertThat(placed.call().expTime()).isPresent();
    ReceivedRequest sent = okx.server.requests("POST", "/api/v5/trade/order").getFirst();
    JsonNode body = new ObjectMapper().readTree(sent.body());
    assertThat(sent.body())
        .isEqualTo(
            "{\"instId\":\"BTC-USDT-SWAP\",\"tdMode\":\"cross\",\"side\":\"buy\",\"posSide\":\"net\","
                + "\"ordType\":\"market\",\"sz\":\"0.13\",\"clOrdId\":\"sTRSCSIGOKEF3WXIRCUTQVZE1\","
                + "\"tag\":\"smc4j\",\"attachAlgoOrds\":[{\"attachAlgoClOrdId\":"
                + "\"sTRSCSIGOKEF3WXIRCUTQVZA1\",\"tpTriggerPx\":\"70860\",\"tpOrdPx\":\"-1\","
                + "\"tpTriggerPxType\":\"last\",\"slTriggerPx\":\"68790\",\"slOrdPx\":\"-1\","
                + "\"slTriggerPxType\":\"last\"}]}");
    assertThat(body.has("px")).isFalse();
    long expTime = Long.parseLong(sent.header("expTime").orElseThrow());
    assertThat(expTime - sent.serverTime().toEpochMilli()).isBetween(4_000L, 6_000L);

    OrderDetails order = okx.client.order(BTC, OrderRef.clOrdId(ENTRY.value())).orElseThrow();
    assertThat(order.state()).isEqualTo(OrderState.FILLED);
    assertThat(order.accFillSz()).isEqualByComparingTo("0.13");
    assertThat(order.avgPx()).contains(new BigDecimal("69481.5"));
    assertThat(order.attachAlgoOrds().getFirst().failed()).isFalse();

    AlgoOrderDetails algo =
        okx.client.algo(AlgoRef.algoClOrdId("sTRSCSIGOKEF3WXIRCUTQVZA1")).orElseThrow();
    assertThat(algo.ordType()).isEqualTo(AlgoOrderType.OCO);
    assertThat(algo.state()).isEqualTo(AlgoState.LIVE);
    assertThat(algo.slTriggerPx()).contains(new BigDecimal("68790"));
    assertThat(algo.sz()).contains(new BigDecimal("0.13"));

    List<Position> positions = okx.client.positions("SWAP", BTC).orElseThrow();
    assertThat(positions)
        .singleElement()
        .satisfies(p -> assertThat(p.pos()).isEqualByComparingTo("0.13"));
    List<Fill> fills = okx.client.fills("SWAP", BTC, "").orElseThrow();
    assertThat(fills)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.clOrdId()).isEqualTo(ENTRY.value());
              assertThat(f.execType()).isEqualTo("T");
              // fee = -0.13 * 0.01 * 69481.5 * 0.0005
              assertThat(f.fee()).isEqualByComparingTo("-0.045162975");
            });
  }

  @Test
  void shouldPlaceQueryAndCancelAPostOnlyEntry() {
    ClientOrderId id = ClientOrderId.of("signal-A", OrderRole.ENTRY, 1);
    okx.client
        .placeOrder(
            PlaceOrderRequest.postOnlyEntry(
                FakeOkx.BTC,
                MarginMode.CROSS,
                Side.LONG,
                new BigDecimal("0.16"),
                new BigDecimal("69350"),
                id,
                new BigDecimal("68810"),
                new BigDecimal("70430")))
        .orElseThrow();

    List<OrderDetails> pending = okx.client.ordersPending("SWAP", BTC).orElseThrow();
    assertThat(pending)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.state()).isEqualTo(OrderState.LIVE);
              assertThat(o.px()).contains(new BigDecimal("69350"));
            });

    okx.server.exchange().fillOrder(id.value(), new BigDecimal("0.08"), new BigDecimal("69350"));
    assertThat(okx.client.order(BTC, OrderRef.clOrdId(id.value())).orElseThrow().state())
        .isEqualTo(OrderState.PARTIALLY_FILLED);

    OkxResult<?> amended =
        okx.client.amendOrder(
            new AmendOrderRequest(
                FakeOkx.BTC,
                OrderRef.clOrdId(id.value()),
                Optional.empty(),
                Optional.of(new BigDecimal("69340")),
                false));
    assertThat(amended.errorClass()).isEqualTo(OkxErrorClass.OK);
    assertThat(amended.call().expTime()).isPresent();
    assertThat(okx.server.requests("POST", "/api/v5/trade/amend-order").getFirst().body())
        .isEqualTo(
            "{\"instId\":\"BTC-USDT-SWAP\",\"clOrdId\":\""
                + id.value()
                + "\",\"newPx\":\"69340\"}");
    assertThat(
            okx.server.requests("POST", "/api/v5/trade/amend-order").getFirst().header("expTime"))
        .isPresent();

    assertThat(okx.client.cancelOrder(BTC, OrderRef.clOrdId(id.value())).errorClass())
        .isEqualTo(OkxErrorClass.OK);
    OrderDetails canceled = okx.client.order(BTC, OrderRef.clOrdId(id.value())).orElseThrow();
    assertThat(canceled.state()).isEqualTo(OrderState.CANCELED);
    assertThat(canceled.accFillSz()).isEqualByComparingTo("0.08");
    // No attached algo for a partly filled, cancelled parent.
    assertThat(okx.server.exchange().algos()).isEmpty();
    assertThat(okx.client.ordersPending("SWAP", BTC).orElseThrow()).isEmpty();
    assertThat(okx.client.ordersHistory("SWAP", BTC).orElseThrow())
        .singleElement()
        .satisfies(o -> assertThat(o.px()).contains(new BigDecimal("69340")));
    OkxResult<?> late =
        okx.client.amendOrder(
            new AmendOrderRequest(
                FakeOkx.BTC,
                OrderRef.clOrdId(id.value()),
                Optional.empty(),
                Optional.of(new BigDecimal("69330")),
                false));
    assertThat(late.errorClass()).isEqualTo(OkxErrorClass.QUERY);
  }

  @Test
  void shouldReadThePositionsHistory() {
    var closed = okx.client.positionsHistory("SWAP", BTC).orElseThrow().getFirst();

    assertThat(closed.realizedPnl())
        .isEqualByComparingTo(
            closed.pnl().add(closed.fee()).add(closed.fundingFee()).add(closed.liqPenalty()));
    assertThat(closed.type()).isEqualTo("2");
  }

  @Test
  void shouldPlaceListAndCancelAProtectiveOco() {
    okx.server.exchange().putPosition(BTC, new BigDecimal("0.08"), new BigDecimal("69350"));
    okx.server.exchange().setLastPrice(BTC, new BigDecimal("69400"));
    ClientOrderId id = new ClientOrderId("sE27A3RCWZ2JS5YTPZK5TRFP1");

    var ack =
        okx.client
            .placeAlgo(
                AlgoOrderRequest.protectiveOco(
                    FakeOkx.BTC,
                    MarginMode.CROSS,
                    Side.LONG,
                    new BigDecimal("0.08"),
                    id,
                    new BigDecimal("68810"),
                    new BigDecimal("70430")))
            .orElseThrow();
    assertThat(ack.algoClOrdId()).isEqualTo(id.value());
    assertThat(okx.server.requests("POST", "/api/v5/trade/order-algo").getFirst().body())
        .isEqualTo(
            "{\"instId\":\"BTC-USDT-SWAP\",\"tdMode\":\"cross\",\"side\":\"sell\",\"posSide\":\"net\","
                + "\"ordType\":\"oco\",\"sz\":\"0.08\",\"reduceOnly\":true,\"cxlOnClosePos\":true,"
                + "\"algoClOrdId\":\"sE27A3RCWZ2JS5YTPZK5TRFP1\",\"tag\":\"smc4j\","
                + "\"tpTriggerPx\":\"70430\",\"tpOrdPx\":\"-1\",\"tpTriggerPxType\":\"last\","
                + "\"slTriggerPx\":\"68810\",\"slOrdPx\":\"-1\",\"slTriggerPxType\":\"last\"}");
    assertThat(okx.server.requests("POST", "/api/v5/trade/order-algo").getFirst().header("expTime"))
        .isEmpty();

    List<AlgoOrderDetails> pending =
        okx.client
            .algosPending(List.of(AlgoOrderType.CONDITIONAL, AlgoOrderType.OCO), "SWAP", BTC)
            .orElseThrow();
    assertThat(pending).singleElement().satisfies(a -> assertThat(a.reduceOnly()).isTrue());
    assertThat(
            okx.server
                .requests("GET", "/api/v5/trade/orders-algo-pending")
                .getFirst()
                .requestPath())
        .contains("ordType=conditional,oco");

    List<AlgoCancelResult> canceled =
        okx.client
            .cancelAlgos(List.of(new AlgoCancel(BTC, AlgoRef.algoId(ack.algoId()))))
            .orElseThrow();
    assertThat(canceled)
        .singleElement()
        .satisfies(c -> assertThat(c.result()).isEqualTo(OkxErrorClass.OK));
    assertThat(okx.server.exchange().algos())
        .extracting(FakeAlgo::state)
        .containsExactly("canceled");
  }

  @Test
  void shouldClosePositionAndCancelItsAlgos() {
    okx.server.exchange().putPosition(BTC, new BigDecimal("0.08"), new BigDecimal("69350"));
    okx.client
        .placeAlgo(
            AlgoOrderRequest.protectiveOco(
                FakeOkx.BTC,
                MarginMode.CROSS,
                Side.LONG,
                new BigDecimal("0.08"),
                ClientOrderId.of("signal-A", OrderRole.PROTECTIVE_ALGO, 1),
                new BigDecimal("68810"),
                new BigDecimal("70430")))
        .orElseThrow();

    var closed =
        okx.client
            .closePosition(
                new ClosePositionRequest(
                    BTC,
                    MarginMode.CROSS,
                    Optional.empty(),
                    true,
                    Optional.of(ClientOrderId.of("signal-A", OrderRole.EXIT, 1)),
                    ClientOrderId.TAG))
            .orElseThrow();

    assertThat(closed.instId()).isEqualTo(BTC);
    assertThat(okx.client.positions("SWAP", BTC).orElseThrow()).isEmpty();
    assertThat(okx.server.exchange().algos())
        .extracting(FakeAlgo::state)
        .containsExactly("canceled");
  }

  @Test
  void shouldReadFundingBillsNewerThanAGivenBill() {
    String older =
        okx.server
            .exchange()
            .addFundingBill(
                BTC,
                new BigDecimal("-0.009037652"),
                new BigDecimal("69520.4"),
                new BigDecimal("0.13"),
                Instant.parse("2024-06-10T00:00:00.388Z"));
    okx.server
        .exchange()
        .addFundingBill(
            BTC,
            new BigDecimal("0.002776204"),
            new BigDecimal("69405.1"),
            new BigDecimal("0.08"),
            Instant.parse("2024-06-10T08:00:00.412Z"));

    List<Bill> all = okx.client.fundingBills("SWAP", BTC, "").orElseThrow();
    List<Bill> newer = okx.client.fundingBills("SWAP", BTC, older).orElseThrow();

    assertThat(all).hasSize(2).allMatch(Bill::isFunding);
    assertThat(all.getFirst().subType()).isEqualTo("174");
    assertThat(newer)
        .singleElement()
        .satisfies(b -> assertThat(b.pnl()).isEqualByComparingTo("0.002776204"));
    assertThat(okx.server.requests("GET", "/api/v5/account/bills").getFirst().requestPath())
        .contains("type=8");
  }

  @Test
  void shouldArmAndDisarmCancelAllAfter() {
    var armed = okx.client.cancelAllAfter(Duration.ofSeconds(60), ClientOrderId.TAG).orElseThrow();
    assertThat(armed.triggerTime()).isPresent();
    assertThat(Duration.between(armed.ts(), armed.triggerTime().orElseThrow()))
        .isEqualTo(Duration.ofSeconds(60));
    assertThat(okx.server.requests("POST", "/api/v5/trade/cancel-all-after").getFirst().body())
        .isEqualTo("{\"timeOut\":\"60\",\"tag\":\"smc4j\"}");
  }

  @Test
  void shouldReportAnUnknownOrderAsNotFound() {
    OkxResult<OrderDetails> result =
        okx.client.order(BTC, OrderRef.clOrdId("sAAAAAAAAAAAAAAAAAAAAAAE1"));

    assertThat(result.errorClass()).isEqualTo(OkxErrorClass.NOT_FOUND);
    assertThat(result.failure().orElseThrow().code()).isEqualTo("51603");
  }
}
