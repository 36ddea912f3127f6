package org.smc4j.exchange.okx.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.signal.OrderAction;

/**
 * An algo order as OKX reports it ({@code GET /trade/order-algo}, {@code
 * /trade/orders-algo-pending}).
 *
 * @param instId the instrument
 * @param algoId OKX's id
 * @param algoClOrdId the client id
 * @param ordType the algo type
 * @param state the state
 * @param side buy or sell
 * @param posSide the position side
 * @param tdMode the margin mode
 * @param sz size in contracts; empty for a whole-position algo
 * @param reduceOnly whether reduce-only
 * @param tpTriggerPx TP trigger
 * @param slTriggerPx SL trigger
 * @param actualSide {@code tp} or {@code sl} once triggered, else empty
 * @param actualSz triggered size
 * @param triggerTime trigger time
 * @param ordIdList ids of the orders the trigger placed
 * @param failCode failure code, empty or {@code 0} when none
 * @param tag the tag
 * @param cTime creation time
 * @param uTime update time
 */
public record AlgoOrderDetails(
    String instId,
    String algoId,
    String algoClOrdId,
    AlgoOrderType ordType,
    AlgoState state,
    OrderAction side,
    PositionSide posSide,
    MarginMode tdMode,
    Optional<BigDecimal> sz,
    boolean reduceOnly,
    Optional<BigDecimal> tpTriggerPx,
    Optional<BigDecimal> slTriggerPx,
    String actualSide,
    Optional<BigDecimal> actualSz,
    Optional<Instant> triggerTime,
    List<String> ordIdList,
    String failCode,
    String tag,
    Instant cTime,
    Instant uTime) {

  /**
   * Validates the record.
   *
   * @throws NullPointerException when a component is null
   */
  public AlgoOrderDetails {
    Objects.requireNonNull(instId, "instId");
    Objects.requireNonNull(algoId, "algoId");
    Objects.requireNonNull(algoClOrdId, "algoClOrdId");
    Objects.requireNonNull(ordType, "ordType");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(posSide, "posSide");
    Objects.requireNonNull(tdMode, "tdMode");
    Objects.requireNonNull(sz, "sz");
    Objects.requireNonNull(tpTriggerPx, "tpTriggerPx");
    Objects.requireNonNull(slTriggerPx, "slTriggerPx");
    Objects.requireNonNull(actualSide, "actualSide");
    Objects.requireNonNull(actualSz, "actualSz");
    Objects.requireNonNull(triggerTime, "triggerTime");
    ordIdList = List.copyOf(Objects.requireNonNull(ordIdList, "ordIdList"));
    Objects.requireNonNull(failCode, "failCode");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(cTime, "cTime");
    Objects.requireNonNull(uTime, "uTime");
  }
}
