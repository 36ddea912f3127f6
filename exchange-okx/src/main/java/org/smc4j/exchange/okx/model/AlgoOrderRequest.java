package org.smc4j.exchange.okx.model;

import java.math.BigDecimal;
import java.util.Objects;
import org.smc4j.core.signal.OrderAction;
import org.smc4j.core.signal.Side;
import org.smc4j.exchange.okx.id.ClientOrderId;
import org.smc4j.exchange.okx.id.OrderRole;

/**
 * {@code POST /api/v5/trade/order-algo} for a TP/SL algo ({@code oco} or {@code conditional}),
 * OKX-TRADING.md section 7. In net mode a {@code conditional} with both TP and SL performs only the
 * SL, so both legs require {@code oco}.
 *
 * @param instrument the instrument and its tick/lot rules
 * @param tdMode the margin mode
 * @param side the closing side (sell for a long)
 * @param posSide the position side; {@link PositionSide#NET} in net mode
 * @param ordType {@link AlgoOrderType#OCO} or {@link AlgoOrderType#CONDITIONAL}
 * @param sz size in contracts
 * @param reduceOnly true to only reduce the position
 * @param cxlOnClosePos true to cancel the algo when the position is fully closed (needs {@code
 *     reduceOnly})
 * @param algoClOrdId our client id
 * @param tag the order tag
 * @param tpSl the legs
 */
public record AlgoOrderRequest(
    OkxInstrument instrument,
    MarginMode tdMode,
    OrderAction side,
    PositionSide posSide,
    AlgoOrderType ordType,
    BigDecimal sz,
    boolean reduceOnly,
    boolean cxlOnClosePos,
    ClientOrderId algoClOrdId,
    String tag,
    TpSl tpSl) {

  /**
   * Validates the request.
   *
   * @throws IllegalArgumentException when the type is not a TP/SL type, an {@code oco} lacks a leg,
   *     a {@code conditional} has both, {@code cxlOnClosePos} comes without {@code reduceOnly}, or
   *     a size or price breaks the instrument's rules
   */
  public AlgoOrderRequest {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(tdMode, "tdMode");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(posSide, "posSide");
    Objects.requireNonNull(ordType, "ordType");
    Objects.requireNonNull(sz, "sz");
    Objects.requireNonNull(algoClOrdId, "algoClOrdId");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(tpSl, "tpSl");
    if (ordType != AlgoOrderType.OCO && ordType != AlgoOrderType.CONDITIONAL) {
      throw new IllegalArgumentException(
          "ordType must be oco or conditional, was " + ordType.wire());
    }
    if (ordType == AlgoOrderType.OCO && !tpSl.hasBoth()) {
      throw new IllegalArgumentException("an oco needs both tpTriggerPx and slTriggerPx");
    }
    if (ordType == AlgoOrderType.CONDITIONAL && tpSl.hasBoth()) {
      throw new IllegalArgumentException(
          "a net-mode conditional with TP and SL performs only the SL: use oco");
    }
    if (cxlOnClosePos && !reduceOnly) {
      throw new IllegalArgumentException("cxlOnClosePos needs reduceOnly");
    }
    instrument.formatSize(sz, true);
    PlaceOrderRequest.checkTpSl(instrument, tpSl);
    PlaceOrderRequest.checkTag(tag);
  }

  /**
   * Returns the protective {@code oco} of OKX-TRADING.md section 7: reduce-only, cancelled with the
   * position, market legs on the last price, tagged {@link ClientOrderId#TAG}.
   *
   * @param instrument the instrument
   * @param tdMode the margin mode
   * @param positionSide the side of the position to protect
   * @param sz the contracts to protect
   * @param algoClOrdId the id (role {@link OrderRole#PROTECTIVE_ALGO})
   * @param stopLoss the stop trigger
   * @param takeProfit the target trigger
   * @return the request
   */
  public static AlgoOrderRequest protectiveOco(
      OkxInstrument instrument,
      MarginMode tdMode,
      Side positionSide,
      BigDecimal sz,
      ClientOrderId algoClOrdId,
      BigDecimal stopLoss,
      BigDecimal takeProfit) {
    return new AlgoOrderRequest(
        instrument,
        tdMode,
        positionSide.exitAction(),
        PositionSide.NET,
        AlgoOrderType.OCO,
        sz,
        true,
        true,
        algoClOrdId,
        ClientOrderId.TAG,
        TpSl.marketBracket(stopLoss, takeProfit));
  }

  /** Returns the instrument id. */
  public String instId() {
    return instrument.instId();
  }
}
