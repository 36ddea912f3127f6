package org.smc4j.exchange.okx.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.signal.OrderAction;

/**
 * A regular order as OKX reports it ({@code GET /trade/order}, {@code /trade/orders-pending}).
 *
 * @param instId the instrument
 * @param ordId OKX's id
 * @param clOrdId the client id, empty for orders spawned by an algo
 * @param tag the tag
 * @param state the state
 * @param side buy or sell
 * @param posSide the position side
 * @param ordType the order type
 * @param sz size in contracts
 * @param px limit price; empty for market orders
 * @param accFillSz cumulative filled contracts
 * @param avgPx average fill price; empty before a fill
 * @param fee accumulated fee, negative = paid
 * @param feeCcy fee currency
 * @param pnl realised P&amp;L of the order
 * @param reduceOnly whether reduce-only
 * @param source {@code 7} = spawned by a TP/SL
 * @param cancelSource why it was cancelled
 * @param algoId the spawning algo's id
 * @param algoClOrdId the spawning algo's client id
 * @param attachAlgoOrds attached TP/SL
 * @param cTime creation time
 * @param uTime update time
 */
public record OrderDetails(
    String instId,
    String ordId,
    String clOrdId,
    String tag,
    OrderState state,
    OrderAction side,
    PositionSide posSide,
    OrderType ordType,
    BigDecimal sz,
    Optional<BigDecimal> px,
    BigDecimal accFillSz,
    Optional<BigDecimal> avgPx,
    BigDecimal fee,
    String feeCcy,
    BigDecimal pnl,
    boolean reduceOnly,
    String source,
    String cancelSource,
    String algoId,
    String algoClOrdId,
    List<AttachedAlgo> attachAlgoOrds,
    Instant cTime,
    Instant uTime) {

  /**
   * Validates the record.
   *
   * @throws NullPointerException when a component is null
   */
  public OrderDetails {
    Objects.requireNonNull(instId, "instId");
    Objects.requireNonNull(ordId, "ordId");
    Objects.requireNonNull(clOrdId, "clOrdId");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(posSide, "posSide");
    Objects.requireNonNull(ordType, "ordType");
    Objects.requireNonNull(sz, "sz");
    Objects.requireNonNull(px, "px");
    Objects.requireNonNull(accFillSz, "accFillSz");
    Objects.requireNonNull(avgPx, "avgPx");
    Objects.requireNonNull(fee, "fee");
    Objects.requireNonNull(feeCcy, "feeCcy");
    Objects.requireNonNull(pnl, "pnl");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(cancelSource, "cancelSource");
    Objects.requireNonNull(algoId, "algoId");
    Objects.requireNonNull(algoClOrdId, "algoClOrdId");
    attachAlgoOrds = List.copyOf(Objects.requireNonNull(attachAlgoOrds, "attachAlgoOrds"));
    Objects.requireNonNull(cTime, "cTime");
    Objects.requireNonNull(uTime, "uTime");
  }
}
