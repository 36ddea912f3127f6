package org.smc4j.exchange.okx.execution;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smc4j.core.signal.Side;
import org.smc4j.exchange.okx.OkxClient;
import org.smc4j.exchange.okx.OkxResult;
import org.smc4j.exchange.okx.model.PositionHistory;
import org.smc4j.trading.execution.ExecutionEvent;
import org.smc4j.trading.execution.ExecutionEventKind;
import org.smc4j.trading.execution.ExecutionJournal;
import org.smc4j.trading.execution.FillRecord;
import org.smc4j.trading.execution.TradeRecord;
import org.smc4j.trading.execution.TradeResult;
import org.smc4j.trading.execution.TradeStatus;

/**
 * Cross-checks each closed trade against OKX's {@code positions-history} (design section 15.12):
 * the journal's net P&amp;L (fills' P&amp;L, fees, funding) must equal the closed position's {@code
 * realizedPnl}. A trade that closed while the bot was down long enough for its exit fills to leave
 * {@code /trade/fills} (three days) gets its result from the history row instead: price P&amp;L,
 * fees, funding, close price, and liquidation or ADL from the row's {@code type}.
 *
 * <p>The row of a trade is the first position of its instrument and direction opened at or after
 * the trade's entry and before its close (the bot holds one position per symbol). Each trade is
 * checked once; the outcome is an execution event naming the trade, so a restart does not check it
 * again. A trade whose row has not appeared an hour after its close is reported as a mismatch.
 */
final class PositionsHistoryCheck {

  private static final Logger log = LoggerFactory.getLogger(PositionsHistoryCheck.class);
  private static final Duration SLACK = Duration.ofMinutes(1);
  private static final Duration GIVE_UP = Duration.ofHours(1);
  private static final Duration LOOK_BACK = Duration.ofDays(90);
  // 5,000 closed positions; the rate limit (10 per 2 s) makes one check take at most 10 s
  private static final int MAX_PAGES = 50;
  private static final Set<ExecutionEventKind> OUTCOMES =
      Set.of(
          ExecutionEventKind.PNL_CROSS_CHECKED,
          ExecutionEventKind.PNL_CROSS_CHECK_MISMATCH,
          ExecutionEventKind.PNL_FROM_POSITIONS_HISTORY);

  private final OkxClient client;
  private final ExecutionJournal journal;
  private final ExecutionAlerts alerts;
  private final InstantSource clock;
  private final BigDecimal tolerance;

  PositionsHistoryCheck(
      OkxClient client,
      ExecutionJournal journal,
      ExecutionAlerts alerts,
      InstantSource clock,
      BigDecimal tolerance) {
    this.client = client;
    this.journal = journal;
    this.alerts = alerts;
    this.clock = clock;
    this.tolerance = tolerance;
  }

  /**
   * Checks every closed trade not checked yet (positions-history read back to the oldest one's
   * entry when any is pending).
   */
  void checkClosedTrades() {
    Instant now = clock.instant();
    List<ExecutionEvent> done =
        journal.events().stream().filter(e -> OUTCOMES.contains(e.kind())).toList();
    List<TradeRecord> pending =
        journal.trades().stream()
            .filter(t -> t.status() == TradeStatus.CLOSED && t.result().isPresent())
            .filter(t -> t.openedAt().isPresent() && t.closedAt().isPresent())
            .filter(t -> t.closedAt().get().isAfter(now.minus(LOOK_BACK)))
            .filter(t -> done.stream().noneMatch(e -> e.detail().startsWith(prefix(t))))
            .toList();
    if (pending.isEmpty()) {
      return;
    }
    Instant oldest =
        pending.stream()
            .map(t -> t.openedAt().orElseThrow())
            .min(Comparator.naturalOrder())
            .orElseThrow()
            .minus(SLACK);
    Optional<History> history = read(oldest);
    if (history.isEmpty()) {
      return;
    }
    for (TradeRecord trade : pending) {
      Optional<PositionHistory> row = rowOf(trade, history.get().rows());
      if (row.isPresent()) {
        check(trade, row.get(), now);
      } else if (history.get().complete()
          && now.isAfter(trade.closedAt().orElseThrow().plus(GIVE_UP))) {
        mismatch(
            trade,
            prefix(trade)
                + " no positions-history row for "
                + trade.instId()
                + " opened after "
                + trade.openedAt().orElseThrow(),
            now);
      }
    }
  }

  /**
   * Reads positions-history page by page, newest first, until a page is short or its oldest row was
   * updated before {@code oldest}. The cursor is the last row's {@code uTime} plus one millisecond,
   * so rows sharing that millisecond are read again rather than skipped (duplicates are dropped).
   *
   * @return the rows, or empty when the first page failed
   */
  private Optional<History> read(Instant oldest) {
    Set<PositionHistory> rows = new LinkedHashSet<>();
    String after = "";
    for (int page = 0; page < MAX_PAGES; page++) {
      OkxResult<List<PositionHistory>> result = client.positionsHistoryBefore("SWAP", "", after);
      if (!(result instanceof OkxResult.Ok<List<PositionHistory>> ok)) {
        log.warn(
            "positions-history page {} failed: {}",
            page + 1,
            result.failure().orElseThrow().describe());
        return page == 0 ? Optional.empty() : Optional.of(new History(List.copyOf(rows), false));
      }
      List<PositionHistory> answer = ok.value();
      rows.addAll(answer);
      if (answer.size() < OkxClient.MAX_PAGE || answer.getLast().uTime().isBefore(oldest)) {
        return Optional.of(new History(List.copyOf(rows), true));
      }
      long last = answer.getLast().uTime().toEpochMilli();
      long cursor = after.isEmpty() || last + 1 < Long.parseLong(after) ? last + 1 : last;
      if (cursor == last) {
        log.warn("positions-history: more than a page of rows updated at {} ms", last);
      }
      after = Long.toString(cursor);
    }
    log.warn("positions-history: stopped after {} pages before reaching {}", MAX_PAGES, oldest);
    return Optional.of(new History(List.copyOf(rows), false));
  }

  /**
   * The positions-history rows read.
   *
   * @param rows the rows, newest first
   * @param complete true when every row back to the oldest trade to check was read
   */
  private record History(List<PositionHistory> rows, boolean complete) {}

  private Optional<PositionHistory> rowOf(TradeRecord trade, List<PositionHistory> rows) {
    String direction = trade.side() == Side.LONG ? "long" : "short";
    Instant from = trade.openedAt().orElseThrow().minus(SLACK);
    Instant to = trade.closedAt().orElseThrow().plus(SLACK);
    return rows.stream()
        .filter(r -> r.instId().equals(trade.instId()) && r.direction().equals(direction))
        .filter(r -> !r.type().equals("1"))
        .filter(r -> !r.cTime().isBefore(from) && !r.cTime().isAfter(to))
        .min(Comparator.comparing(PositionHistory::cTime));
  }

  private void check(TradeRecord trade, PositionHistory row, Instant now) {
    TradeResult ours = trade.result().orElseThrow();
    if (!hasExitFills(trade)) {
      String reason =
          switch (row.type()) {
            case "3", "4", "5", "6" -> "LIQUIDATION_OR_ADL";
            default -> ours.exitReason();
          };
      TradeResult fromHistory =
          TradeResult.of(
              row.closeAvgPx().orElse(ours.exitPx()),
              reason,
              row.pnl(),
              row.fee().negate().add(row.liqPenalty().negate()),
              row.fundingFee().negate(),
              trade.plannedRisk());
      journal.closeTrade(trade.tradeKey(), fromHistory, row.uTime());
      String detail =
          prefix(trade)
              + " exit fills no longer served; result from positions-history posId "
              + row.posId()
              + ": realizedPnl "
              + row.realizedPnl().toPlainString()
              + ", close "
              + fromHistory.exitPx().toPlainString()
              + " ("
              + reason
              + ")";
      journal.addEvent(
          new ExecutionEvent(
              ExecutionEventKind.PNL_FROM_POSITIONS_HISTORY, trade.instId(), detail, now));
      alerts.alert(trade.instId() + ": " + detail);
      return;
    }
    BigDecimal difference = ours.netPnl().subtract(row.realizedPnl()).abs();
    String detail =
        prefix(trade)
            + " journal net "
            + ours.netPnl().toPlainString()
            + " vs positions-history realizedPnl "
            + row.realizedPnl().toPlainString()
            + " (posId "
            + row.posId()
            + ", difference "
            + difference.toPlainString()
            + ", tolerance "
            + tolerance.toPlainString()
            + ")";
    if (difference.compareTo(tolerance) <= 0) {
      journal.addEvent(
          new ExecutionEvent(ExecutionEventKind.PNL_CROSS_CHECKED, trade.instId(), detail, now));
    } else {
      mismatch(trade, detail, now);
    }
  }

  private void mismatch(TradeRecord trade, String detail, Instant now) {
    journal.addEvent(
        new ExecutionEvent(
            ExecutionEventKind.PNL_CROSS_CHECK_MISMATCH, trade.instId(), detail, now));
    alerts.alert(trade.instId() + ": P&L cross-check: " + detail);
  }

  private boolean hasExitFills(TradeRecord trade) {
    String entrySide = trade.side() == Side.LONG ? "buy" : "sell";
    for (FillRecord fill : journal.fills()) {
      if (fill.tradeKey().equals(trade.tradeKey()) && !fill.side().equals(entrySide)) {
        return true;
      }
    }
    return false;
  }

  private static String prefix(TradeRecord trade) {
    return "trade " + trade.tradeKey() + ":";
  }
}
