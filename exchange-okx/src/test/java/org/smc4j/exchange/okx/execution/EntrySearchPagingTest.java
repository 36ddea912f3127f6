package org.smc4j.exchange.okx.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.exchange.okx.id.ClientOrderId;
import org.smc4j.okx.fake.Fault;
import org.smc4j.trading.execution.OrderStatus;
import org.smc4j.trading.execution.OrderTransition;
import org.smc4j.trading.execution.TradeRecord;
import org.smc4j.trading.execution.TradeStatus;

/**
 * Query before retry on a busy account: an entry the order query does not find is searched for in
 * every page of orders-pending and fills since its intent, and a search that could not read every
 * page is no proof that the entry does not exist.
 */
class EntrySearchPagingTest {

  private static final String ORDER = "/api/v5/trade/order";
  private static final String PENDING = "/api/v5/trade/orders-pending";
  private static final String FILLS = "/api/v5/trade/fills";
  private static final BigDecimal PLANNED = new BigDecimal("0.13");

  @TempDir Path dir;
  private ExecutorHarness h;

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  private static String key(String signalId) {
    return ClientOrderId.signalKey(signalId);
  }

  @Test
  void shouldFindAFilledEntryBehindAFullPageOfNewerFillsAndNotResendIt() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    h.server.faults().add("POST", ORDER, new Fault.DropAfterExecute());
    h.server.faults().add("GET", ORDER, Fault.topLevelError("51603", 200));
    // while the bot waits for expTime, 120 newer fills push the entry's fill to the second page
    h.duringSleep =
        () ->
            h.server
                .exchange()
                .tradeRoundTrips(
                    ExecutorHarness.BTC_ID, 60, new BigDecimal("0.01"), new BigDecimal("70000"));

    TradeRecord trade = h.executor.enter(h.marketLong("sig-busy-fills"));

    String e1 = key("sig-busy-fills") + "E1";
    assertThat(h.journal.orderTransitions(e1))
        .extracting(OrderTransition::to)
        .contains(OrderStatus.SUBMITTED_UNKNOWN)
        .doesNotContain(OrderStatus.EXPIRED_LOCAL);
    assertThat(h.journal.order(e1).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
    assertThat(h.journal.order(key("sig-busy-fills") + "E2")).isEmpty();
    assertThat(trade.status()).isEqualTo(TradeStatus.OPEN_PROTECTED);
    assertThat(h.server.requests("GET", FILLS)).hasSizeGreaterThanOrEqualTo(2);
    assertThat(h.ordersWithPrefix(key("sig-busy-fills"))).hasSize(1);
    h.assertNoDuplicateExposure(key("sig-busy-fills"), ExecutorHarness.BTC_ID, PLANNED);
  }

  @Test
  void shouldFindALiveEntryBehindAFullPageOfNewerPendingOrdersAndNotResendIt() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    h.server.faults().add("POST", ORDER, new Fault.DropAfterExecute());
    h.server.faults().add("GET", ORDER, Fault.topLevelError("51603", 200));
    h.duringSleep =
        () ->
            h.server
                .exchange()
                .restForeignBuyOrders(
                    ExecutorHarness.BTC_ID, 120, new BigDecimal("0.01"), new BigDecimal("60000"));

    TradeRecord trade = h.executor.enter(h.limitLong("sig-busy-pending"));

    String e1 = key("sig-busy-pending") + "E1";
    assertThat(trade.status()).isEqualTo(TradeStatus.ENTRY_WORKING);
    assertThat(h.journal.order(e1).orElseThrow().status()).isEqualTo(OrderStatus.LIVE);
    assertThat(h.journal.order(key("sig-busy-pending") + "E2")).isEmpty();
    assertThat(h.server.requests("GET", PENDING)).hasSizeGreaterThanOrEqualTo(2);
    assertThat(h.ordersWithPrefix(key("sig-busy-pending")))
        .singleElement()
        .satisfies(o -> assertThat(o.state()).isEqualTo("live"));
  }

  @Test
  void shouldNotResendAnEntryWhenAPageOfTheSearchFails() {
    h = ExecutorHarness.start(dir);
    h.startExecutor();
    h.server.faults().add("POST", ORDER, new Fault.DropBeforeExecute());
    h.server.faults().add("GET", FILLS, Fault.topLevelError("50026", 500));

    h.executor.enter(h.marketLong("sig-search-fails"));

    String e1 = key("sig-search-fails") + "E1";
    assertThat(h.journal.order(e1).orElseThrow().status()).isEqualTo(OrderStatus.SUBMITTED_UNKNOWN);
    assertThat(h.journal.order(key("sig-search-fails") + "E2")).isEmpty();
    assertThat(h.ordersWithPrefix(key("sig-search-fails"))).isEmpty();
  }
}
