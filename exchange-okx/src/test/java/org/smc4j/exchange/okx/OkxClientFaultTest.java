package org.smc4j.exchange.okx;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smc4j.core.signal.Side;
import org.smc4j.exchange.okx.error.OkxError;
import org.smc4j.exchange.okx.error.OkxErrorClass;
import org.smc4j.exchange.okx.id.ClientOrderId;
import org.smc4j.exchange.okx.id.OrderRole;
import org.smc4j.exchange.okx.model.AlgoOrderRequest;
import org.smc4j.exchange.okx.model.AlgoRef;
import org.smc4j.exchange.okx.model.MarginMode;
import org.smc4j.exchange.okx.model.OrderAck;
import org.smc4j.exchange.okx.model.OrderDetails;
import org.smc4j.exchange.okx.model.OrderRef;
import org.smc4j.exchange.okx.model.OrderState;
import org.smc4j.exchange.okx.model.PlaceOrderRequest;
import org.smc4j.okx.fake.Fault;

/** Each fault class of the fake server, as the client classifies it. */
class OkxClientFaultTest {

  private static final String BTC = "BTC-USDT-SWAP";
  private static final String ORDER = "/api/v5/trade/order";
  private static final ClientOrderId ENTRY = ClientOrderId.of("signal-B", OrderRole.ENTRY, 1);

  private FakeOkx okx;

  private FakeOkx start() {
    return start(FakeOkx.demo());
  }

  private FakeOkx start(FakeOkx fake) {
    okx = fake;
    okx.server.exchange().setLastPrice(BTC, new BigDecimal("69481.5"));
    return okx;
  }

  @AfterEach
  void stop() {
    if (okx != null) {
      okx.close();
    }
  }

  private static PlaceOrderRequest marketEntry(ClientOrderId id) {
    return PlaceOrderRequest.marketEntry(
        FakeOkx.BTC,
        MarginMode.CROSS,
        Side.LONG,
        new BigDecimal("0.13"),
        id,
        new BigDecimal("68790"),
        new BigDecimal("70860"));
  }

  private OkxResult<OrderAck> placeWith(Fault fault) {
    okx.server.faults().add("POST", ORDER, fault);
    OkxResult<OrderAck> result = okx.client.placeOrder(marketEntry(ENTRY));
    assertThat(okx.server.faults().pending()).as("fault consumed").isZero();
    return result;
  }

  @Test
  void shouldBeAmbiguousWhenTheConnectionDropsAfterExecutionAndTheQueryFindsTheOrder() {
    start();

    OkxResult<OrderAck> result = placeWith(new Fault.DropAfterExecute());

    assertThat(result.errorClass()).isEqualTo(OkxErrorClass.AMBIGUOUS);
    assertThat(result.failure().orElseThrow().httpStatus()).isEmpty();
    assertThat(result.call().expTime()).isPresent();
    OrderDetails found = okx.client.order(BTC, OrderRef.clOrdId(ENTRY.value())).orElseThrow();
    assertThat(found.state()).isEqualTo(OrderState.FILLED);
    assertThat(okx.server.exchange().orders()).hasSize(1);
  }

  @Test
  void shouldBeAmbiguousWhenTheConnectionDropsBeforeExecutionAndTheQueryFindsNothing() {
    start();

    OkxResult<OrderAck> result = placeWith(new Fault.DropBeforeExecute());

    assertThat(result.errorClass()).isEqualTo(OkxErrorClass.AMBIGUOUS);
    assertThat(okx.client.order(BTC, OrderRef.clOrdId(ENTRY.value())).errorClass())
        .isEqualTo(OkxErrorClass.NOT_FOUND);
    assertThat(okx.server.exchange().orders()).isEmpty();
  }

  @Test
  void shouldBeAmbiguousOnHttp5xxWithoutJson() {
    start();

    OkxResult<OrderAck> result = placeWith(new Fault.HttpStatusWithoutJson(502, true));

    OkxError error = result.failure().orElseThrow();
    assertThat(error.errorClass()).isEqualTo(OkxErrorClass.AMBIGUOUS);
    assertThat(error.code()).isEmpty();
    assertThat(error.httpStatus()).isEqualTo(OptionalInt.of(502));
    assertThat(okx.server.exchange().orders()).hasSize(1);
  }

  @Test
  void shouldBeRateLimitedOn50011WithHttp429Or200() {
    start();

    assertThat(placeWith(Fault.rateLimited()).errorClass()).isEqualTo(OkxErrorClass.RATE_LIMITED);
    assertThat(placeWith(Fault.topLevelError("50011", 200)).errorClass())
        .isEqualTo(OkxErrorClass.RATE_LIMITED);
    assertThat(okx.server.exchange().orders()).isEmpty();
  }

  @Test
  void shouldBeAmbiguousOn50013InEveryShape() {
    start();

    OkxResult<OrderAck> inItem = placeWith(Fault.itemError("50013"));
    OkxResult<OrderAck> topLevel200 = placeWith(Fault.topLevelError("50013", 200));
    OkxResult<OrderAck> topLevel429 = placeWith(Fault.topLevelError("50013", 429));

    assertThat(inItem.failure().orElseThrow().code()).isEqualTo("50013");
    assertThat(inItem.errorClass()).isEqualTo(OkxErrorClass.AMBIGUOUS);
    assertThat(topLevel200.errorClass()).isEqualTo(OkxErrorClass.AMBIGUOUS);
    assertThat(topLevel429.errorClass()).isEqualTo(OkxErrorClass.AMBIGUOUS);
  }

  @Test
  void shouldBeAmbiguousOn50026WithHttp500() {
    start();

    OkxResult<OrderAck> result = placeWith(Fault.topLevelError("50026", 500));

    assertThat(result.errorClass()).isEqualTo(OkxErrorClass.AMBIGUOUS);
    assertThat(result.failure().orElseThrow().code()).isEqualTo("50026");
  }

  @Test
  void shouldBeFatalOn50101WhenALiveClientUsesADemoKey() {
    start(FakeOkx.start(true, OkxEnvironment.LIVE, FakeOkx.SECRET, Duration.ofSeconds(2)));

    OkxResult<?> result = okx.client.accountConfig();

    OkxError error = result.failure().orElseThrow();
    assertThat(error.errorClass()).isEqualTo(OkxErrorClass.FATAL);
    assertThat(error.code()).isEqualTo("50101");
    assertThat(error.httpStatus()).isEqualTo(OptionalInt.of(401));
    assertThat(okx.server.requests().getFirst().header("x-simulated-trading")).isEmpty();
  }

  @Test
  void shouldBeFatalOnABadSignature() {
    start(FakeOkx.start(true, OkxEnvironment.DEMO, "not-the-secret", Duration.ofSeconds(2)));

    OkxResult<?> result = okx.client.positions("SWAP", "");

    assertThat(result.errorClass()).isEqualTo(OkxErrorClass.FATAL);
    assertThat(result.failure().orElseThrow().code()).isEqualTo("50113");
    assertThat(result.toString() + result.failure().orElseThrow().describe())
        .doesNotContain(FakeOkx.KEY)
        .doesNotContain(FakeOkx.SECRET)
        .doesNotContain(FakeOkx.PASSPHRASE)
        .doesNotContain("not-the-secret");
  }

  @Test
  void shouldRemeasureTheClockAndRetryOnceOn50102() {
    start();
    okx.client.measureClockOffset().orElseThrow();
    okx.server.faults().add("POST", ORDER, new Fault.ClockSkew(Duration.ofSeconds(45)));

    OkxResult<OrderAck> result = okx.client.placeOrder(marketEntry(ENTRY));

    assertThat(result.errorClass()).isEqualTo(OkxErrorClass.OK);
    assertThat(result.call().attempts()).isEqualTo(2);
    assertThat(okx.client.serverClock().offset()).isGreaterThan(Duration.ofSeconds(44));
    assertThat(okx.server.requests("POST", ORDER)).hasSize(2);
    assertThat(okx.server.requests("GET", "/api/v5/public/time")).hasSize(2);
    assertThat(okx.server.exchange().orders()).hasSize(1);
    // The retry was signed, and its expTime set, on the re-measured clock.
    var retry = okx.server.requests("POST", ORDER).get(1);
    long expTime = Long.parseLong(retry.header("expTime").orElseThrow());
    assertThat(expTime - retry.serverTime().toEpochMilli()).isBetween(4_000L, 6_000L);
  }

  @Test
  void shouldGiveUpAfterASecond50102() {
    start();
    okx.server.faults().add("POST", ORDER, Fault.topLevelError("50102", 401));
    okx.server.faults().add("POST", ORDER, Fault.topLevelError("50102", 401));

    OkxResult<OrderAck> result = okx.client.placeOrder(marketEntry(ENTRY));

    assertThat(result.errorClass()).isEqualTo(OkxErrorClass.TIMESTAMP_EXPIRED);
    assertThat(result.call().attempts()).isEqualTo(2);
    assertThat(okx.server.exchange().orders()).isEmpty();
  }

  @Test
  void shouldAskToAdoptTheLiveOrderOn51016() {
    start();
    PlaceOrderRequest postOnly =
        PlaceOrderRequest.postOnlyEntry(
            FakeOkx.BTC,
            MarginMode.CROSS,
            Side.LONG,
            new BigDecimal("0.16"),
            new BigDecimal("69350"),
            ENTRY,
            new BigDecimal("68810"),
            new BigDecimal("70430"));
    okx.client.placeOrder(postOnly).orElseThrow();

    OkxResult<OrderAck> again = okx.client.placeOrder(postOnly);

    assertThat(again.errorClass()).isEqualTo(OkxErrorClass.ADOPT_EXISTING);
    assertThat(again.failure().orElseThrow().code()).isEqualTo("51016");
    assertThat(okx.server.exchange().orders()).hasSize(1);
  }

  @Test
  void shouldReportACrossedProtectiveStopOn51280() {
    start();
    okx.server.exchange().putPosition(BTC, new BigDecimal("0.08"), new BigDecimal("69350"));
    okx.server.exchange().setLastPrice(BTC, new BigDecimal("68700"));

    OkxResult<?> result =
        okx.client.placeAlgo(
            AlgoOrderRequest.protectiveOco(
                FakeOkx.BTC,
                MarginMode.CROSS,
                Side.LONG,
                new BigDecimal("0.08"),
                ClientOrderId.of("signal-A", OrderRole.PROTECTIVE_ALGO, 1),
                new BigDecimal("68810"),
                new BigDecimal("70430")));

    assertThat(result.errorClass()).isEqualTo(OkxErrorClass.STOP_CROSSED);
    assertThat(result.failure().orElseThrow().code()).isEqualTo("51280");
    assertThat(okx.server.exchange().algos()).isEmpty();
  }

  @Test
  void shouldAskForAQueryWhenCancellingAFilledOrder() {
    start();
    okx.client.placeOrder(marketEntry(ENTRY)).orElseThrow();

    OkxResult<OrderAck> cancel = okx.client.cancelOrder(BTC, OrderRef.clOrdId(ENTRY.value()));

    assertThat(cancel.errorClass()).isEqualTo(OkxErrorClass.QUERY);
    assertThat(cancel.failure().orElseThrow().code()).isEqualTo("51400");
  }

  @Test
  void shouldReportNotFoundFromAScripted51603() {
    start();
    okx.client.placeOrder(marketEntry(ENTRY)).orElseThrow();
    okx.server.faults().add("GET", ORDER, Fault.topLevelError("51603", 200));

    assertThat(okx.client.order(BTC, OrderRef.clOrdId(ENTRY.value())).errorClass())
        .isEqualTo(OkxErrorClass.NOT_FOUND);
  }

  @Test
  void shouldShowTheFailCodeOfAnAttachedAlgoThatWasNotCreated() {
    start();
    okx.server.faults().add("POST", ORDER, new Fault.AttachedAlgoFails("51020"));

    okx.client.placeOrder(marketEntry(ENTRY)).orElseThrow();

    OrderDetails order = okx.client.order(BTC, OrderRef.clOrdId(ENTRY.value())).orElseThrow();
    assertThat(order.state()).isEqualTo(OrderState.FILLED);
    assertThat(order.attachAlgoOrds().getFirst().failed()).isTrue();
    assertThat(order.attachAlgoOrds().getFirst().failCode()).isEqualTo("51020");
    assertThat(
            okx.client
                .algo(AlgoRef.algoClOrdId(ENTRY.withRole(OrderRole.ATTACHED_ALGO).value()))
                .errorClass())
        .isEqualTo(OkxErrorClass.NOT_FOUND);
  }

  @Test
  void shouldBeAmbiguousOnTruncatedJson() {
    start();

    OkxResult<OrderAck> result = placeWith(new Fault.TruncatedJson());

    assertThat(result.errorClass()).isEqualTo(OkxErrorClass.AMBIGUOUS);
    assertThat(result.failure().orElseThrow().httpStatus()).isEqualTo(OptionalInt.of(200));
    assertThat(okx.server.exchange().orders()).hasSize(1);
  }

  @Test
  void shouldBeAmbiguousOnATimeout() {
    start(FakeOkx.start(true, OkxEnvironment.DEMO, FakeOkx.SECRET, Duration.ofSeconds(1)));
    // Warm both sides up so that the 1 s timeout measures the scripted delay only.
    okx.client.positions("SWAP", "").orElseThrow();

    OkxResult<OrderAck> result = placeWith(new Fault.SlowAnswer(Duration.ofSeconds(3)));

    assertThat(result.errorClass()).isEqualTo(OkxErrorClass.AMBIGUOUS);
    assertThat(result.failure().orElseThrow().message()).contains("HttpTimeoutException");
  }

  @Test
  void shouldBeNotSentWhenNothingListens() {
    start();
    okx.server.close();

    OkxResult<OrderAck> result = okx.client.placeOrder(marketEntry(ENTRY));

    assertThat(result.errorClass()).isEqualTo(OkxErrorClass.NOT_SENT);
  }

  @Test
  void shouldLeaveAScriptedPartialMarketFillWorking() {
    start();
    okx.server.exchange().scriptNextMarketFill(new BigDecimal("0.5"));

    okx.client.placeOrder(marketEntry(ENTRY)).orElseThrow();

    OrderDetails order = okx.client.order(BTC, OrderRef.clOrdId(ENTRY.value())).orElseThrow();
    assertThat(order.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
    assertThat(order.accFillSz()).isEqualByComparingTo("0.06");
    assertThat(okx.server.exchange().algos()).isEmpty();
  }
}
