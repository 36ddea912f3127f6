package org.smc4j.okx.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exchange state driven directly, on a clock the test moves. */
class FakeExchangeTest {

  private static final String BTC = "BTC-USDT-SWAP";
  private final ObjectMapper mapper = new ObjectMapper();
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2024-06-10T06:30:00.412Z"));
  private FakeExchange exchange;

  @BeforeEach
  void create() throws Exception {
    Path fixtures =
        Path.of(System.getProperty("smc4j.shared.dir", "../shared")).resolve("okx-fixtures");
    assumeTrue(Files.isDirectory(fixtures), "okx-fixtures not found at " + fixtures);
    exchange =
        new FakeExchange(
            mapper,
            now::get,
            mapper.readTree(fixtures.resolve("public-instruments-SWAP.json").toFile()));
    exchange.setLastPrice(BTC, new BigDecimal("69481.5"));
  }

  private JsonNode placeMarketBuyWithBracket() throws Exception {
    return exchange.placeOrder(
        mapper.readTree(
            "{\"instId\":\"BTC-USDT-SWAP\",\"tdMode\":\"cross\",\"side\":\"buy\",\"ordType\":\"market\","
                + "\"sz\":\"0.13\",\"clOrdId\":\"sTRSCSIGOKEF3WXIRCUTQVZE1\",\"tag\":\"smc4j\","
                + "\"attachAlgoOrds\":[{\"attachAlgoClOrdId\":\"sTRSCSIGOKEF3WXIRCUTQVZA1\","
                + "\"slTriggerPx\":\"68790\",\"slOrdPx\":\"-1\",\"tpTriggerPx\":\"70860\","
                + "\"tpOrdPx\":\"-1\"}]}"));
  }

  @Test
  void shouldTriggerTheTakeProfitWhenThePriceCrossesIt() throws Exception {
    placeMarketBuyWithBracket();

    assertThat(exchange.moveLastPrice(BTC, new BigDecimal("70000"))).isEmpty();
    List<String> triggered = exchange.moveLastPrice(BTC, new BigDecimal("70860"));

    assertThat(triggered).hasSize(1);
    assertThat(exchange.algos())
        .singleElement()
        .satisfies(a -> assertThat(a.state()).isEqualTo("effective"));
    assertThat(exchange.positions()).isEmpty();
    // (70860 - 69481.5) * 0.13 * 0.01
    assertThat(exchange.fills().get(1).fillPnl()).isEqualByComparingTo("1.79205");
  }

  @Test
  void shouldRecordALiquidationWithANegativeTradeIdAndATypeFiveBill() throws Exception {
    placeMarketBuyWithBracket();

    exchange.liquidate(BTC, new BigDecimal("63000"), false);

    assertThat(exchange.positions()).isEmpty();
    assertThat(exchange.fills().getLast().tradeId()).startsWith("-");
    JsonNode bills = exchange.bills(Map.of("type", "5")).path("data");
    assertThat(bills).hasSize(1);
    assertThat(bills.get(0).path("tradeId").asText()).startsWith("-");
  }

  @Test
  void shouldCancelTaggedWorkingOrdersWhenTheCancelAllAfterTimerRunsOut() throws Exception {
    exchange.placeOrder(
        mapper.readTree(
            "{\"instId\":\"BTC-USDT-SWAP\",\"tdMode\":\"cross\",\"side\":\"buy\",\"ordType\":\"post_only\","
                + "\"sz\":\"0.16\",\"px\":\"69350\",\"clOrdId\":\"sE27A3RCWZ2JS5YTPZK5TRFE1\",\"tag\":\"smc4j\"}"));
    exchange.cancelAllAfter(mapper.readTree("{\"timeOut\":\"60\",\"tag\":\"smc4j\"}"));

    now.set(now.get().plusSeconds(59));
    exchange.runTimers();
    assertThat(exchange.orders().getFirst().state()).isEqualTo("live");

    now.set(now.get().plusSeconds(1));
    exchange.runTimers();
    assertThat(exchange.orders().getFirst().state()).isEqualTo("canceled");
    assertThat(
            exchange
                .getOrder(Map.of("clOrdId", "sE27A3RCWZ2JS5YTPZK5TRFE1"))
                .path("data")
                .get(0)
                .path("cancelSource")
                .asText())
        .isEqualTo("20");
  }

  @Test
  void shouldRefuseADuplicateAlgoClientIdAndOneUsedAsAttachedId() throws Exception {
    placeMarketBuyWithBracket();
    exchange.putAlgo(
        BTC,
        "sE27A3RCWZ2JS5YTPZK5TRFP1",
        "sell",
        new BigDecimal("0.13"),
        new BigDecimal("68790"),
        new BigDecimal("70860"));

    JsonNode duplicate =
        exchange.placeAlgo(
            mapper.readTree(
                "{\"instId\":\"BTC-USDT-SWAP\",\"side\":\"sell\",\"ordType\":\"oco\",\"sz\":\"0.13\","
                    + "\"algoClOrdId\":\"sE27A3RCWZ2JS5YTPZK5TRFP1\",\"slTriggerPx\":\"68790\","
                    + "\"tpTriggerPx\":\"70860\"}"));
    JsonNode attachedId =
        exchange.placeAlgo(
            mapper.readTree(
                "{\"instId\":\"BTC-USDT-SWAP\",\"side\":\"sell\",\"ordType\":\"oco\",\"sz\":\"0.13\","
                    + "\"algoClOrdId\":\"sTRSCSIGOKEF3WXIRCUTQVZA1\",\"slTriggerPx\":\"68790\","
                    + "\"tpTriggerPx\":\"70860\"}"));

    assertThat(duplicate.path("data").get(0).path("sCode").asText()).isEqualTo("51065");
    // The spawned algo is live under that id, so it is a duplicate first.
    assertThat(attachedId.path("data").get(0).path("sCode").asText()).isEqualTo("51065");
    exchange.placeOrder(
        mapper.readTree(
            "{\"instId\":\"BTC-USDT-SWAP\",\"side\":\"buy\",\"ordType\":\"post_only\",\"sz\":\"0.1\","
                + "\"px\":\"69000\",\"clOrdId\":\"sAAAAAAAAAAAAAAAAAAAAAAE1\",\"attachAlgoOrds\":"
                + "[{\"attachAlgoClOrdId\":\"sAAAAAAAAAAAAAAAAAAAAAAA1\",\"slTriggerPx\":\"68000\"}]}"));
    JsonNode pendingAttachedId =
        exchange.placeAlgo(
            mapper.readTree(
                "{\"instId\":\"BTC-USDT-SWAP\",\"side\":\"sell\",\"ordType\":\"conditional\","
                    + "\"sz\":\"0.1\",\"algoClOrdId\":\"sAAAAAAAAAAAAAAAAAAAAAAA1\","
                    + "\"slTriggerPx\":\"68000\"}"));
    assertThat(pendingAttachedId.path("data").get(0).path("sCode").asText()).isEqualTo("51068");
  }
}
