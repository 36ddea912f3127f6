package org.smc4j.exchange.okx.execution;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smc4j.exchange.okx.OkxClient;
import org.smc4j.exchange.okx.OkxResult;
import org.smc4j.exchange.okx.id.ClientOrderId;
import org.smc4j.exchange.okx.model.Bill;
import org.smc4j.exchange.okx.model.Fill;
import org.smc4j.trading.execution.ExecutionJournal;
import org.smc4j.trading.execution.FillRecord;
import org.smc4j.trading.execution.FundingRecord;
import org.smc4j.trading.execution.TradeRecord;
import org.smc4j.trading.execution.TradeResult;
import org.smc4j.trading.execution.TradeStatus;

/**
 * Imports the exchange's fills and funding bills into the journal exactly once (design section
 * 15.10): fills by {@code tradeId}, bills by {@code billId}, each assigned to its trade. Pages back
 * from the newest row with OKX's {@code after} cursor until it reaches the newest id of the last
 * complete import (kept in the journal as a cursor, so a restart does not page through three days
 * again) or the end of what OKX keeps. The cursor only moves after an import that reached it, so an
 * import broken off by an error is redone in full next time; the unique keys make that harmless.
 */
final class LedgerImporter {

  private static final Logger log = LoggerFactory.getLogger(LedgerImporter.class);
  private static final String SWAP = "SWAP";
  private static final String FILLS_CURSOR = "fills";
  private static final String FUNDING_CURSOR = "funding";

  /** Bounds one import: 50 pages of 100 rows, far more than three days of this bot's fills. */
  static final int MAX_PAGES = 50;

  private final OkxClient client;
  private final ExecutionJournal journal;
  private final ExecutionAlerts alerts;

  LedgerImporter(OkxClient client, ExecutionJournal journal, ExecutionAlerts alerts) {
    this.client = client;
    this.journal = journal;
    this.alerts = alerts;
  }

  /** Imports every fill newer than the fills cursor. */
  void importFills() {
    Optional<Fetched<Fill>> fetched =
        pages(FILLS_CURSOR, after -> client.fillsBefore(SWAP, "", after), Fill::billId, "fills");
    if (fetched.isEmpty()) {
      return;
    }
    List<Fill> fills = new ArrayList<>(fetched.get().rows());
    fills.sort(Comparator.comparing(Fill::fillTime));
    for (Fill fill : fills) {
      String key =
          ClientOrderId.parse(fill.clOrdId())
              .map(ClientOrderId::signalKey)
              .filter(k -> journal.trade(k).isPresent())
              .orElseGet(() -> holderOf(fill.instId(), fill.fillTime()));
      journal.addFill(
          new FillRecord(
              fill.tradeId(),
              key,
              fill.instId(),
              fill.ordId(),
              fill.clOrdId(),
              fill.side().name().toLowerCase(Locale.ROOT),
              fill.fillPx(),
              fill.fillSz(),
              fill.fillPnl(),
              fill.fee(),
              fill.fillTime()));
    }
    advance(FILLS_CURSOR, fills.stream().map(Fill::billId).toList(), fetched.get().complete());
  }

  /**
   * Imports every funding bill newer than the funding cursor; a bill of a trade already closed
   * updates that trade's result.
   */
  void importFunding() {
    Optional<Fetched<Bill>> fetched =
        pages(
            FUNDING_CURSOR,
            after -> client.fundingBillsBefore(SWAP, "", after),
            Bill::billId,
            "funding bills");
    if (fetched.isEmpty()) {
      return;
    }
    List<Bill> bills = new ArrayList<>(fetched.get().rows());
    bills.sort(Comparator.comparing(Bill::ts));
    for (Bill bill : bills) {
      if (!bill.isFunding()) {
        continue;
      }
      String key = windowOf(journal.trades(), bill.instId(), bill.ts());
      boolean added =
          journal.addFunding(
              new FundingRecord(bill.billId(), key, bill.instId(), bill.pnl(), bill.ts()));
      if (added && !key.isEmpty()) {
        Optional<TradeRecord> trade = journal.trade(key);
        if (trade.isPresent()
            && trade.get().status() == TradeStatus.CLOSED
            && trade.get().result().isPresent()) {
          TradeResult old = trade.get().result().get();
          journal.closeTrade(
              key,
              TradeResult.of(
                  old.exitPx(),
                  old.exitReason(),
                  old.grossPnl(),
                  old.fees(),
                  fundingOf(key),
                  trade.get().plannedRisk()),
              trade.get().closedAt().orElse(bill.ts()));
        }
      }
    }
    advance(FUNDING_CURSOR, bills.stream().map(Bill::billId).toList(), fetched.get().complete());
  }

  /**
   * Returns what a trade paid in funding (positive = paid).
   *
   * @param key the trade
   * @return the sum of its funding bills, negated
   */
  BigDecimal fundingOf(String key) {
    BigDecimal paid = BigDecimal.ZERO;
    for (FundingRecord bill : journal.funding()) {
      if (bill.tradeKey().equals(key)) {
        paid = paid.subtract(bill.pnl());
      }
    }
    return paid;
  }

  /**
   * Pages back from the newest row until the cursor, the end, or {@link #MAX_PAGES}.
   *
   * @return the rows, or empty when the first page could not be read
   */
  private <T> Optional<Fetched<T>> pages(
      String cursorName,
      Function<String, OkxResult<List<T>>> page,
      Function<T, String> idOf,
      String what) {
    Optional<BigInteger> cursor = journal.cursor(cursorName).map(BigInteger::new);
    List<T> rows = new ArrayList<>();
    String after = "";
    for (int n = 0; n < MAX_PAGES; n++) {
      OkxResult<List<T>> result = page.apply(after);
      if (!(result instanceof OkxResult.Ok<List<T>> ok)) {
        log.warn("{} failed: {}", what, result.failure().orElseThrow().describe());
        // what was read is imported (the unique keys make a repeat harmless); the cursor stays
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Fetched<>(rows, false));
      }
      rows.addAll(ok.value());
      boolean reachedCursor =
          cursor.isPresent()
              && ok.value().stream().anyMatch(r -> id(idOf.apply(r)).compareTo(cursor.get()) <= 0);
      if (reachedCursor || ok.value().size() < OkxClient.MAX_PAGE) {
        return Optional.of(new Fetched<>(rows, true));
      }
      after =
          ok.value().stream().map(idOf).min(Comparator.comparing(LedgerImporter::id)).orElseThrow();
    }
    alerts.alert(
        what
            + ": more than "
            + MAX_PAGES
            + " pages since the last import; older rows were not read this time");
    return Optional.of(new Fetched<>(rows, false));
  }

  /** The rows read; {@code complete} when the read reached the cursor or the end. */
  private record Fetched<T>(List<T> rows, boolean complete) {}

  private void advance(String cursorName, List<String> ids, boolean complete) {
    if (!complete) {
      return;
    }
    Optional<BigInteger> newest = ids.stream().map(LedgerImporter::id).max(BigInteger::compareTo);
    Optional<BigInteger> current = journal.cursor(cursorName).map(BigInteger::new);
    if (newest.isPresent() && (current.isEmpty() || newest.get().compareTo(current.get()) > 0)) {
      journal.setCursor(cursorName, newest.get().toString());
    }
  }

  private static BigInteger id(String billId) {
    return new BigInteger(billId);
  }

  /** The trade that holds the symbol's position now, else the one whose window contains time. */
  String holderOf(String instId, Instant time) {
    List<TradeRecord> trades = journal.trades();
    for (TradeRecord trade : trades) {
      if (trade.instId().equals(instId)
          && (trade.status().hasPosition() || trade.status() == TradeStatus.ORPHAN)) {
        return trade.tradeKey();
      }
    }
    return windowOf(trades, instId, time);
  }

  static String windowOf(List<TradeRecord> trades, String instId, Instant time) {
    for (TradeRecord trade : trades) {
      if (trade.instId().equals(instId)
          && trade.openedAt().isPresent()
          && !time.isBefore(trade.openedAt().get())
          && trade.closedAt().map(closed -> !time.isAfter(closed)).orElse(true)) {
        return trade.tradeKey();
      }
    }
    return "";
  }
}
