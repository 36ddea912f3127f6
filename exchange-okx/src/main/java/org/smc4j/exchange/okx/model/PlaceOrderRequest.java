package org.smc4j.exchange.okx.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.signal.OrderAction;
import org.smc4j.core.signal.Side;
import org.smc4j.exchange.okx.id.ClientOrderId;
import org.smc4j.exchange.okx.id.OrderRole;

/**
 * {@code POST /api/v5/trade/order}: one regular order, optionally with an attached TP/SL
 * (OKX-TRADING.md section 5). Sizes and prices are checked against the instrument here, so a
 * request that exists can be formatted exactly.
 *
 * @param instrument the instrument and its tick/lot rules
 * @param tdMode the margin mode
 * @param side buy or sell
 * @param posSide the position side; {@link PositionSide#NET} in net mode
 * @param ordType the order type
 * @param sz size in contracts
 * @param px limit price; required for every type but market
 * @param reduceOnly true for a reduce-only order (net mode)
 * @param clOrdId our client order id
 * @param tag the order tag, usually {@link ClientOrderId#TAG}
 * @param attached the attached TP/SL and its client id, if any
 */
public record PlaceOrderRequest(
    OkxInstrument instrument,
    MarginMode tdMode,
    OrderAction side,
    PositionSide posSide,
    OrderType ordType,
    BigDecimal sz,
    Optional<BigDecimal> px,
    boolean reduceOnly,
    ClientOrderId clOrdId,
    String tag,
    Optional<Attached> attached) {

  /**
   * An attached TP/SL.
   *
   * @param attachAlgoClOrdId the client id the spawned algo will carry as {@code algoClOrdId}
   * @param tpSl the legs
   */
  public record Attached(ClientOrderId attachAlgoClOrdId, TpSl tpSl) {

    /**
     * Validates the attachment.
     *
     * @throws IllegalArgumentException when the id's role is not {@link OrderRole#ATTACHED_ALGO}
     */
    public Attached {
      Objects.requireNonNull(attachAlgoClOrdId, "attachAlgoClOrdId");
      Objects.requireNonNull(tpSl, "tpSl");
      if (attachAlgoClOrdId.role() != OrderRole.ATTACHED_ALGO) {
        throw new IllegalArgumentException(
            "attachAlgoClOrdId " + attachAlgoClOrdId + " must have role ATTACHED_ALGO (A)");
      }
    }
  }

  /**
   * Validates the request against the instrument's rules.
   *
   * @throws IllegalArgumentException when the size or a price breaks the instrument's rules, a
   *     limit type has no price, a market order has one, or a reduce-only order carries a TP/SL
   *     ({@code 51100})
   */
  public PlaceOrderRequest {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(tdMode, "tdMode");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(posSide, "posSide");
    Objects.requireNonNull(ordType, "ordType");
    Objects.requireNonNull(sz, "sz");
    Objects.requireNonNull(px, "px");
    Objects.requireNonNull(clOrdId, "clOrdId");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(attached, "attached");
    boolean market = ordType == OrderType.MARKET || ordType == OrderType.OPTIMAL_LIMIT_IOC;
    instrument.formatSize(sz, market);
    if (market && px.isPresent()) {
      throw new IllegalArgumentException(ordType.wire() + " order must not have a px");
    }
    if (!market && px.isEmpty()) {
      throw new IllegalArgumentException(ordType.wire() + " order needs a px");
    }
    px.ifPresent(instrument::formatPrice);
    if (reduceOnly && attached.isPresent()) {
      throw new IllegalArgumentException("a reduce-only order cannot carry a TP/SL (OKX 51100)");
    }
    attached.ifPresent(a -> checkTpSl(instrument, a.tpSl()));
    checkTag(tag);
  }

  /**
   * Returns a market entry with an attached stop and target at market, in net mode, tagged {@link
   * ClientOrderId#TAG}.
   *
   * @param instrument the instrument
   * @param tdMode the margin mode
   * @param side the trade's side (long buys, short sells)
   * @param sz size in contracts
   * @param clOrdId the entry's id (role {@link OrderRole#ENTRY})
   * @param stopLoss the stop trigger
   * @param takeProfit the target trigger
   * @return the request; the attached algo's id is {@code clOrdId} with role {@link
   *     OrderRole#ATTACHED_ALGO}
   */
  public static PlaceOrderRequest marketEntry(
      OkxInstrument instrument,
      MarginMode tdMode,
      Side side,
      BigDecimal sz,
      ClientOrderId clOrdId,
      BigDecimal stopLoss,
      BigDecimal takeProfit) {
    return new PlaceOrderRequest(
        instrument,
        tdMode,
        side.entryAction(),
        PositionSide.NET,
        OrderType.MARKET,
        sz,
        Optional.empty(),
        false,
        clOrdId,
        ClientOrderId.TAG,
        Optional.of(
            new Attached(
                clOrdId.withRole(OrderRole.ATTACHED_ALGO),
                TpSl.marketBracket(stopLoss, takeProfit))));
  }

  /**
   * Returns a post-only limit entry with an attached stop and target at market, in net mode.
   *
   * @param instrument the instrument
   * @param tdMode the margin mode
   * @param side the trade's side (long buys, short sells)
   * @param sz size in contracts
   * @param px the limit price
   * @param clOrdId the entry's id
   * @param stopLoss the stop trigger
   * @param takeProfit the target trigger
   * @return the request
   */
  public static PlaceOrderRequest postOnlyEntry(
      OkxInstrument instrument,
      MarginMode tdMode,
      Side side,
      BigDecimal sz,
      BigDecimal px,
      ClientOrderId clOrdId,
      BigDecimal stopLoss,
      BigDecimal takeProfit) {
    return new PlaceOrderRequest(
        instrument,
        tdMode,
        side.entryAction(),
        PositionSide.NET,
        OrderType.POST_ONLY,
        sz,
        Optional.of(px),
        false,
        clOrdId,
        ClientOrderId.TAG,
        Optional.of(
            new Attached(
                clOrdId.withRole(OrderRole.ATTACHED_ALGO),
                TpSl.marketBracket(stopLoss, takeProfit))));
  }

  /** Returns the instrument id. */
  public String instId() {
    return instrument.instId();
  }

  static void checkTpSl(OkxInstrument instrument, TpSl tpSl) {
    tpSl.tpTriggerPx().ifPresent(instrument::formatPrice);
    tpSl.tpOrdPx().ifPresent(instrument::formatPrice);
    tpSl.slTriggerPx().ifPresent(instrument::formatPrice);
    tpSl.slOrdPx().ifPresent(instrument::formatPrice);
  }

  static void checkTag(String tag) {
    if (tag.length() > 16 || !tag.chars().allMatch(Character::isLetterOrDigit)) {
      throw new IllegalArgumentException(
          "tag must be at most 16 letters or digits, was '" + tag + "'");
    }
  }
}
